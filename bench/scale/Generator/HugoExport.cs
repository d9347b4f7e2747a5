using System.Globalization;
using System.Text;
using System.Text.Json;
using PaperArchive.Archive;
using PaperArchive.Model;
using PaperArchive.Rendering.Pages;
using PaperArchive.Topics;

namespace PaperArchive.Bench.Scale;

/// <summary>
/// Writes an archive as Hugo content for the peer timing: one page per paper (JSON front matter, the abstract as
/// Markdown body) with taxonomies for the page kinds our site has — days, weeks, months, topics, authors,
/// organisations, keywords — so Hugo renders the same kinds of pages: home, day/week/month lists, paper pages,
/// paged topic/author/organisation/keyword lists, RSS (home, topics, authors with a feed), sitemap. Similar papers
/// go into the front matter (computed by our analysis) and the theme looks each up, as our paper page shows them.
/// The theme builds term links from the front matter, not with Hugo's term lookups (slow paths in Hugo 0.111;
/// see bench/scale/README.md), so everything a page links to is in its own front matter or in data/topics.json.
/// </summary>
public static class HugoExport
{
    public static int Write(string inputDir, string archiveDir, string hugoDir)
    {
        var archive = ArchiveReader.Read(archiveDir).Archive;
        var (topics, _) = TopicRules.Load(Path.Combine(inputDir, "topics.yml"));
        var analysis = TopicAnalyzer.Analyze(archive, topics);
        var content = Path.Combine(hugoDir, "content");
        if (Directory.Exists(content))
        {
            Directory.Delete(content, recursive: true);
        }
        Directory.CreateDirectory(Path.Combine(content, "papers"));
        Parallel.ForEach(archive.Papers, paper =>
        {
            var a = analysis.For(paper.Id);
            var first = paper.FirstSeen ?? new DateOnly(2000, 1, 1);
            var front = new Dictionary<string, object?>
            {
                ["title"] = paper.Title,
                ["date"] = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["arxiv"] = paper.ArxivId,
                ["upvotes"] = paper.Upvotes ?? 0,
                ["summary"] = paper.AiSummary,
                ["days"] = paper.ListedOn.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray(),
                ["weeks"] = paper.ListedOn.Select(d => ISOWeek.GetYear(d.ToDateTime(TimeOnly.MinValue)) + "-W" + ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue)).ToString("00", CultureInfo.InvariantCulture)).Distinct().ToArray(),
                ["months"] = paper.ListedOn.Select(d => d.ToString("yyyy-MM", CultureInfo.InvariantCulture)).Distinct().ToArray(),
                ["topics"] = a.TopicSlugs.ToArray(),
                ["authors"] = paper.Authors.Select(x => x.Name).ToArray(),
                ["orgs"] = paper.Organization is null ? Array.Empty<string>() : [paper.Organization],
                ["keywords"] = a.Keywords.Where(analysis.KeywordPages.ContainsKey).ToArray(),
                ["similar"] = a.SimilarIds.ToArray(),
            };
            var text = new StringBuilder();
            text.Append(JsonSerializer.Serialize(front)).Append("\n\n");
            text.Append(paper.Abstract ?? "").Append('\n');
            File.WriteAllText(Path.Combine(content, "papers", paper.Id + ".md"), text.ToString());
        });
        // Topic terms get their own RSS feed, as our topics do (other terms only HTML, as ours).
        foreach (var topic in analysis.Topics)
        {
            var dir = Path.Combine(content, "topics", topic.Slug);
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "_index.md"), JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["title"] = topic.Title,
                ["description"] = topic.Description,
                ["outputs"] = new[] { "HTML", "RSS" },
            }) + "\n");
        }
        // Authors with at least as many papers as ours gives a feed get an RSS feed too (AuthorFeedSource): a term
        // content file with its own outputs, in the folder Hugo derives from the name. Authors seen once get none, as ours.
        var feedAuthors = archive.Papers
            .SelectMany(p => p.Authors.Select(x => x.Name.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).Select(n => (Key: HugoTermKey.Of(n), Name: n)))
            .Where(x => x.Key.Length > 0)
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .Where(g => g.Count() >= AuthorFeedSource.MinPapers)
            .ToArray();
        foreach (var author in feedAuthors)
        {
            var dir = Path.Combine(content, "authors", author.Key);
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "_index.md"), JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["title"] = author.First().Name,
                ["outputs"] = new[] { "HTML", "RSS" },
            }) + "\n");
        }
        // Topic titles by slug, for the paper page's topic links (site.Data.topics): looking the term page up instead
        // (.GetTerms or site.GetPage per link) is the slow path this data file avoids.
        var data = Path.Combine(hugoDir, "data");
        Directory.CreateDirectory(data);
        File.WriteAllText(Path.Combine(data, "topics.json"), JsonSerializer.Serialize(analysis.Topics.ToDictionary(t => t.Slug, t => t.Title, StringComparer.Ordinal)) + "\n");
        Console.WriteLine($"{archive.Papers.Count} papers, {feedAuthors.Length} author feeds → {content}");
        return 0;
    }
}
