using PaperArchive.Rendering.Feeds;

namespace PaperArchive.Rendering.Pages;

/// <summary>
/// An Atom feed per author with at least <see cref="MinPapers"/> papers (<see cref="SiteUrls.AuthorFeed"/>),
/// newest <c>feed_size</c> papers. Authors seen once are most authors of a big archive; a feed each
/// would double the site's file count for feeds nobody follows, so they get none (their page says so
/// by not linking one — templates test <c>exists author.feed_url</c>).
/// </summary>
public sealed class AuthorFeedSource : IPageSource
{
    public const int MinPapers = 2;

    public IEnumerable<SiteOutput> GetPages(SiteContext site)
    {
        var byAuthor = site.Archive.Papers
            .DistinctBy(p => p.Id)
            .SelectMany(p => p.Authors.Select(a => (Name: a.Name.Trim(), Paper: p)))
            .Where(x => x.Name.Length > 0)
            .GroupBy(x => x.Name, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in byAuthor)
        {
            var papers = site.Newest(group.Select(x => x.Paper).DistinctBy(p => p.Id));
            if (papers.Length < MinPapers)
            {
                continue;
            }
            var slug = site.Authors[group.Key];
            var updated = site.FindPaper(papers[0].Id)?.FirstSeen ?? (site.Days.Count > 0 ? site.Days[^1].Date : new DateOnly(2000, 1, 1));
            var feed = new FeedInfo($"{site.Config.Title}: papers by {group.Key}", $"New papers by {group.Key} in {site.Config.Title}",
                site.Config.BaseUrl, SiteUrls.AuthorFeed(slug), SiteUrls.Author(slug), updated, site.Config.Language);
            var newest = papers.Take(site.Config.FeedSize).ToArray();
            yield return new SiteFile(SiteUrls.AuthorFeed(slug), s => AtomFeedWriter.Write(s, feed, newest)) { InSitemap = false, Key = f => f.Key("atom", feed, newest) };
        }
    }
}
