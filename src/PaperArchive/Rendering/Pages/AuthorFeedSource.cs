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
        // A paper id the archive holds twice counts once, as its first record (as SiteContext keeps it).
        foreach (var (name, entries) in SiteContext.ByAuthor(site.Archive.Papers.Where(p => ReferenceEquals(site.FindPaper(p.Id), p))))
        {
            var papers = site.Newest(SiteContext.DistinctById(entries));
            if (papers.Length < MinPapers)
            {
                continue;
            }
            var slug = site.Authors[name];
            var updated = site.FindPaper(papers[0].Id)?.FirstSeen ?? (site.Days.Count > 0 ? site.Days[^1].Date : new DateOnly(2000, 1, 1));
            var feed = new FeedInfo($"{site.Config.Title}: papers by {name}", $"New papers by {name} in {site.Config.Title}",
                site.Config.BaseUrl, SiteUrls.AuthorFeed(slug), SiteUrls.Author(slug), updated, site.Config.Language);
            var newest = papers.Take(site.Config.FeedSize).ToArray();
            yield return new SiteFile(SiteUrls.AuthorFeed(slug), s => AtomFeedWriter.Write(s, feed, newest)) { InSitemap = false, Key = f => f.Key("atom", feed, newest) };
        }
    }
}
