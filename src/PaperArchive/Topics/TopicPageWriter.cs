using System.Globalization;
using System.Text;
using PaperArchive.Archive;
using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Topics;

/// <summary>
/// Writes the topic pages of the Markdown archive: <c>topics/&lt;slug&gt;.md</c> per topic (description,
/// query, papers newest first grouped by month, each linking to its paper page) and
/// <c>topics/README.md</c> listing every topic with its count. Readable on GitHub without the site.
/// Pages are rewritten only when their text changes; pages of topics no longer in the rules are removed.
/// </summary>
public static class TopicPageWriter
{
    public const string TopicsDir = "topics";
    public const string IndexFile = "README.md";

    /// <summary>Writes the pages; returns the archive-relative paths written or kept, in order.</summary>
    public static IReadOnlyList<string> Write(ArchiveModel archive, ArchiveAnalysis analysis, string archiveDir)
    {
        var dir = Path.Combine(archiveDir, TopicsDir);
        Directory.CreateDirectory(dir);
        var pages = Render(archive, analysis);
        foreach (var (path, text) in pages)
        {
            AtomicFile.WriteIfChanged(Path.Combine(archiveDir, path.Replace('/', Path.DirectorySeparatorChar)), text);
        }
        var keep = pages.Select(p => Path.GetFileName(p.Path)).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in Directory.EnumerateFiles(dir, "*.md").Where(f => !keep.Contains(Path.GetFileName(f))).Order(StringComparer.Ordinal))
        {
            File.Delete(stale);
        }
        return [.. pages.Select(p => p.Path)];
    }

    /// <summary>The pages as (archive-relative path, Markdown), index first then topics in rule order.</summary>
    public static IReadOnlyList<(string Path, string Text)> Render(ArchiveModel archive, ArchiveAnalysis analysis)
    {
        var members = analysis.Topics.ToDictionary(t => t.Slug, _ => new List<Paper>(), StringComparer.Ordinal);
        foreach (var paper in archive.Papers)
        {
            foreach (var slug in analysis.For(paper.Id).TopicSlugs)
            {
                if (members.TryGetValue(slug, out var list))
                {
                    list.Add(paper);
                }
            }
        }
        foreach (var list in members.Values)
        {
            list.Sort(NewestFirst);
        }
        var pages = new List<(string, string)> { (TopicsDir + "/" + IndexFile, RenderIndex(analysis.Topics, members)) };
        // A paper on several topics has the same line on each page (all pages sit in one folder): made once.
        var lines = new Dictionary<Paper, string>(ReferenceEqualityComparer.Instance);
        foreach (var topic in analysis.Topics)
        {
            pages.Add((PagePath(topic.Slug), RenderTopic(topic, members[topic.Slug], lines)));
        }
        return pages;
    }

    public static string PagePath(string slug) => TopicsDir + "/" + slug + ".md";

    /// <summary>Newest first by the day a paper was first listed (else its arXiv date); undated last; ties by id.</summary>
    private static int NewestFirst(Paper a, Paper b)
    {
        var (da, db) = (a.FirstSeen, b.FirstSeen);
        if (da != db)
        {
            return da is null ? 1 : db is null ? -1 : db.Value.CompareTo(da.Value);
        }
        return string.CompareOrdinal(a.Id, b.Id);
    }

    private static string RenderIndex(IReadOnlyList<Topic> topics, Dictionary<string, List<Paper>> members)
    {
        var b = new StringBuilder();
        b.Append("# Topics\n\n");
        b.Append("Papers are assigned to topics by the queries in `topics.yml`; a paper can have several topics.\n\n");
        b.Append("| Topic | Papers | Newest |\n|---|---:|---|\n");
        foreach (var topic in topics)
        {
            var list = members[topic.Slug];
            var newest = list.Count > 0 && list[0].FirstSeen is { } d ? Date(d) : "";
            b.Append("| [").Append(MarkdownText.Inline(topic.Title)).Append("](").Append(topic.Slug).Append(".md) | ")
                .Append(list.Count.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(newest).Append(" |\n");
        }
        return b.ToString();
    }

    private static string RenderTopic(Topic topic, List<Paper> papers, Dictionary<Paper, string> lines)
    {
        var b = new StringBuilder();
        b.Append("---\n");
        b.Append("slug: ");
        YamlScalar.AppendQuoted(b, topic.Slug);
        b.Append("\ntitle: ");
        YamlScalar.AppendQuoted(b, topic.Title);
        b.Append("\nquery: ");
        YamlScalar.AppendQuoted(b, topic.Query);
        b.Append("\npapers: ").Append(papers.Count.ToString(CultureInfo.InvariantCulture)).Append("\n---\n\n");
        b.Append("# ").Append(MarkdownText.Inline(topic.Title)).Append("\n\n");
        if (topic.Description.Length > 0)
        {
            b.Append(MarkdownText.Inline(topic.Description)).Append("\n\n");
        }
        b.Append("**Query:** ").Append(Code(topic.Query)).Append("\n\n");
        b.Append(papers.Count switch
        {
            0 => "No papers match this topic yet.",
            1 => "1 paper, newest first.",
            _ => papers.Count.ToString(CultureInfo.InvariantCulture) + " papers, newest first.",
        }).Append(" [All topics](").Append(IndexFile).Append(")\n");

        var page = PagePath(topic.Slug);
        // Lines are shared between pages at the same depth as a topic page of a URL-safe slug (topics/<slug>.md).
        var shared = page.AsSpan().Count('/') == 1 ? lines : null;
        string? month = null;
        foreach (var paper in papers)
        {
            var m = paper.FirstSeen is { } d ? d.ToString("yyyy-MM", CultureInfo.InvariantCulture) : "Undated";
            if (m != month)
            {
                month = m;
                b.Append("\n## ").Append(m).Append("\n\n");
            }
            if (shared is null)
            {
                b.Append(PaperLine(page, paper));
            }
            else
            {
                if (!shared.TryGetValue(paper, out var line))
                {
                    shared[paper] = line = PaperLine(page, paper);
                }
                b.Append(line);
            }
        }
        return b.ToString();
    }

    /// <summary>A paper's list item on a topic page (<paramref name="page"/> gives the depth of its links).</summary>
    private static string PaperLine(string page, Paper paper)
    {
        var b = new StringBuilder(160);
        b.Append("- ");
        if (paper.FirstSeen is { } day)
        {
            b.Append(Date(day)).Append(" · ");
        }
        b.Append('[').Append(MarkdownText.Inline(paper.Title)).Append("](")
            .Append(ArchiveLayout.Relative(page, ArchiveLayout.PaperPath(paper))).Append(')');
        if (paper.ArxivId is { } arxiv)
        {
            // An arXiv id mid-line is plain text; Inline() would escape its dot as if it started a list.
            b.Append(" · arXiv ").Append(PaperId.IsArxivId(arxiv) ? arxiv : MarkdownText.Inline(arxiv));
        }
        b.Append('\n');
        return b.ToString();
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An inline code span that survives backticks in the query (a longer fence than any run inside).</summary>
    private static string Code(string text)
    {
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var longest = 0;
        var run = 0;
        foreach (var c in oneLine)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', longest + 1);
        var pad = oneLine.StartsWith('`') || oneLine.EndsWith('`') ? " " : "";
        return fence + pad + oneLine + pad + fence;
    }
}
