using PaperArchive.Rendering.Feeds;

namespace PaperArchive.Rendering.Pages;

/// <summary>The site feeds (<c>atom.xml</c>, <c>rss.xml</c>, <c>feed.json</c>): the newest <c>feed_size</c> papers.</summary>
public sealed class SiteFeedSource : IPageSource
{
    public IEnumerable<SiteOutput> GetPages(SiteContext site)
    {
        var papers = site.Newest(site.Archive.Papers).Take(site.Config.FeedSize).ToArray();
        var updated = site.Days.Count > 0 ? site.Days[^1].Date : new DateOnly(2000, 1, 1);
        FeedInfo Info(string self) => new(site.Config.Title, site.Config.Description, site.Config.BaseUrl, self, SiteUrls.Home, updated, site.Config.Language);
        yield return new SiteFile(SiteUrls.Atom, s => AtomFeedWriter.Write(s, Info(SiteUrls.Atom), papers));
        yield return new SiteFile(SiteUrls.Rss, s => RssFeedWriter.Write(s, Info(SiteUrls.Rss), papers));
        yield return new SiteFile(SiteUrls.JsonFeed, s => JsonFeedWriter.Write(s, Info(SiteUrls.JsonFeed), papers));
        yield return new SiteFile(SiteUrls.Robots, s =>
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(SitemapWriter.Robots(site.Config.BaseUrl));
            s.Write(bytes);
        });
    }
}
