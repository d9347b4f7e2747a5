using PaperArchive.Reader;
using PaperArchive.Rendering.Model;

namespace PaperArchive.Rendering.Pages;

/// <summary>
/// The reader's pages and the data their scripts read (format: <c>src/PaperArchive/Reader/README.md</c>):
/// <list type="bullet">
/// <item><c>my-list.html</c> (layout <c>reading-list</c>): the reading list kept in the browser; variable <c>topics</c> (TopicModel[]) for its filter;</item>
/// <item><c>for-you.html</c> (layout <c>for-you</c>): recent papers ranked by similarity to the starred ones;</item>
/// <item><c>reader/root.js</c> (shard count), <c>reader/m&lt;n&gt;.js</c> (per paper: title, link, day, topics, BibTeX, RIS),
/// <c>reader/offline.js</c> (the newest days' pages, for "save for offline").</item>
/// </list>
/// Term vectors for "For you" come later, from the search index (<see cref="ReaderVectorWriter"/>).
/// </summary>
public sealed class ReaderPageSource : IPageSource
{
    /// <summary>Days listed in <c>offline.js</c> (the "save the last N days" choices go up to this).</summary>
    public const int OfflineDays = 60;

    public IEnumerable<SiteOutput> GetPages(SiteContext site)
    {
        var topics = TopicModels.All(site).Select(t => t.Model).Where(t => t.PaperCount > 0).ToArray();
        yield return new SitePage(SiteUrls.ReadingList, "reading-list", "My list", new Dictionary<string, object?> { ["topics"] = topics })
        {
            InSitemap = false,
            NoIndex = true,
            Description = "Papers you starred, with your notes — kept in this browser only",
        };
        yield return new SitePage(SiteUrls.ForYou, "for-you", "For you", new Dictionary<string, object?>())
        {
            InSitemap = false,
            NoIndex = true,
            Description = "Recent papers like the ones you starred — computed in this browser",
        };

        var papers = site.AllPapers.DistinctBy(p => p.Id).OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var shards = ReaderFormat.ShardCount(papers.Count);
        yield return new SiteFile(SiteUrls.ReaderDir + "/root.js", s => Write(s, ReaderFormat.Script("r", 0, new Dictionary<string, object?>
        {
            ["format"] = ReaderFormat.Version,
            ["shards"] = shards,
            ["papers"] = papers.Count,
        }))) { InSitemap = false };

        foreach (var group in papers.GroupBy(p => ReaderFormat.Shard(p.Id, shards)).OrderBy(g => g.Key))
        {
            var shard = group.Key;
            var members = group.ToList();
            yield return new SiteFile(SiteUrls.ReaderDir + "/m" + shard.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".js", s =>
            {
                var data = new SortedDictionary<string, object?>(StringComparer.Ordinal);
                foreach (var paper in members)
                {
                    var m = site.PaperModel(paper.Id);
                    data[paper.Id] = new object?[]
                    {
                        m.Url,
                        m.Title,
                        m.FirstListed?.Iso ?? m.Published?.Iso,
                        m.Topics.Select(t => t.Title).ToArray(),
                        m.CitationKey,
                        m.Bibtex,
                        CitationExportSource.RisFor(site, m),
                    };
                }
                Write(s, ReaderFormat.Script("m", shard, data));
            })
            {
                InSitemap = false,
                // What the entries read: the archive paper (BibTeX, RIS; hashed once per build) and the site's choices for it.
                // Without a key every shard (all papers' BibTeX and RIS) would be made again by each build to find the few that changed.
                Key = f => f.Key("m", site.Config.BaseUrl, members.Select(p =>
                {
                    var m = site.PaperModel(p.Id);
                    return new object?[] { p, m.Url, m.Title, m.FirstListed?.Iso ?? m.Published?.Iso, m.Topics.Select(t => t.Title), m.CitationKey, m.Keywords.Select(k => k.Name) };
                })),
            };
        }

        var days = site.Days.Reverse().Take(OfflineDays).ToList();
        yield return new SiteFile(SiteUrls.ReaderDir + "/offline.js", s => Write(s, ReaderFormat.Script("o", 0, days
            .Select(d => new object[] { site.Date(d.Date).Iso, SiteUrls.Day(d.Date), d.PaperIds.Where(id => site.FindPaper(id) is not null).Select(SiteUrls.Paper).Distinct(StringComparer.Ordinal).ToArray() })
            .ToList()))) { InSitemap = false };
    }

    private static void Write(Stream stream, string text) => stream.Write(new System.Text.UTF8Encoding(false).GetBytes(text));
}
