using System.Globalization;
using System.Text;
using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Archive;

/// <summary>
/// One paper's archive page: YAML front matter holding every field of <see cref="Paper"/> in a fixed
/// key order (null and empty fields are left out), then a generated body for reading on GitHub.
/// The front matter is the data; the body is rewritten from it on every import.
/// </summary>
internal static class PaperPage
{
    private const int MaxAuthorsOnPage = 200;

    public static string Render(Paper p)
    {
        var y = new StringBuilder(2048);
        y.Append("---\n");
        Key(y, "id", p.Id);
        Key(y, "arxiv_id", p.ArxivId);
        Key(y, "title", p.Title);
        if (p.Authors.Count > 0)
        {
            y.Append("authors:\n");
            foreach (var a in p.Authors)
            {
                y.Append("  - {name: ");
                YamlScalar.AppendQuoted(y, a.Name);
                if (a.HfUser is not null)
                {
                    y.Append(", hf_user: ");
                    YamlScalar.AppendQuoted(y, a.HfUser);
                }
                y.Append("}\n");
            }
        }
        Key(y, "author_count", p.AuthorCount);
        Key(y, "organization", p.Organization);
        Key(y, "organization_handle", p.OrganizationHandle);
        Key(y, "published_on", p.PublishedOn);
        if (p.ListedOn.Count > 0)
        {
            y.Append("listed_on: [").AppendJoin(", ", p.ListedOn.Select(Iso)).Append("]\n");
        }
        if (p.Snapshots.Count > 0)
        {
            y.Append("snapshots:\n");
            foreach (var s in p.Snapshots)
            {
                y.Append("  - {date: ").Append(Iso(s.Date));
                if (s.Upvotes is { } u)
                {
                    y.Append(", upvotes: ").Append(u.ToString(CultureInfo.InvariantCulture));
                }
                if (s.Comments is { } c)
                {
                    y.Append(", comments: ").Append(c.ToString(CultureInfo.InvariantCulture));
                }
                y.Append("}\n");
            }
        }
        Key(y, "submitted_by", p.SubmittedBy);
        Key(y, "ai_summary", p.AiSummary);
        List(y, "ai_keywords", p.AiKeywords);
        Key(y, "github_repo", p.GithubRepo);
        Key(y, "github_stars", p.GithubStars);
        Key(y, "project_page", p.ProjectPage);
        Key(y, "thumbnail", p.Thumbnail);
        List(y, "media_urls", p.MediaUrls);
        Key(y, "abstract", p.Abstract);
        y.Append("---\n\n");
        AppendBody(y, p);
        return y.ToString();
    }

    public static Paper? Parse(string text, string file, List<Diagnostic> diagnostics)
    {
        var local = new List<Diagnostic>();
        var fm = FrontMatter.Parse(text, file, local);
        if (fm is null)
        {
            diagnostics.AddRange(local);
            return null;
        }
        var id = fm.String("id", required: true);
        var title = fm.String("title", required: true);
        var authors = new List<Author>();
        foreach (var node in fm.Sequence("authors"))
        {
            var m = fm.Mapping(node, "author");
            if (m is null)
            {
                continue;
            }
            var name = m.String("name", required: true);
            var user = m.String("hf_user");
            m.RejectUnknownKeys();
            if (name is not null)
            {
                authors.Add(new Author(name, user));
            }
        }
        var snapshots = new List<CountSnapshot>();
        foreach (var node in fm.Sequence("snapshots"))
        {
            var m = fm.Mapping(node, "snapshot");
            if (m is null)
            {
                continue;
            }
            var date = m.Date("date", required: true);
            var upvotes = m.Int("upvotes");
            var comments = m.Int("comments");
            m.RejectUnknownKeys();
            if (date is { } d)
            {
                snapshots.Add(new CountSnapshot(d, upvotes, comments));
            }
        }
        var paper = new Paper
        {
            Id = id ?? "",
            ArxivId = fm.String("arxiv_id"),
            Title = title ?? "",
            Authors = authors.ToValueList(),
            AuthorCount = fm.Int("author_count"),
            Organization = fm.String("organization"),
            OrganizationHandle = fm.String("organization_handle"),
            PublishedOn = fm.Date("published_on"),
            ListedOn = fm.DateList("listed_on").ToValueList(),
            Snapshots = snapshots.ToValueList(),
            SubmittedBy = fm.String("submitted_by"),
            AiSummary = fm.String("ai_summary"),
            AiKeywords = fm.StringList("ai_keywords").ToValueList(),
            GithubRepo = fm.String("github_repo"),
            GithubStars = fm.Int("github_stars"),
            ProjectPage = fm.String("project_page"),
            Thumbnail = fm.String("thumbnail"),
            MediaUrls = fm.StringList("media_urls").ToValueList(),
            Abstract = fm.String("abstract"),
        };
        fm.RejectUnknownKeys();
        if (id is { Length: 0 })
        {
            fm.Error("line 2", "'id' must not be empty");
        }
        diagnostics.AddRange(local);
        return fm.HasErrors ? null : paper;
    }

    private static void AppendBody(StringBuilder b, Paper p)
    {
        var self = ArchiveLayout.PaperPath(p);
        b.Append("# ").Append(Heading(p.Title)).Append("\n\n");
        if (p.Authors.Count > 0)
        {
            var shown = p.Authors.Take(MaxAuthorsOnPage).Select(a => MarkdownText.Inline(a.Name));
            b.Append("- **Authors:** ").AppendJoin(", ", shown);
            if (p.Authors.Count > MaxAuthorsOnPage)
            {
                b.Append(", and ").Append((p.Authors.Count - MaxAuthorsOnPage).ToString(CultureInfo.InvariantCulture)).Append(" more");
            }
            b.Append(" (").Append(Plural(p.Authors.Count, "author")).Append(")\n");
        }
        else if (p.AuthorCount is { } n)
        {
            b.Append("- **Authors:** ").Append(Plural(n, "author")).Append(" (names not in the source)\n");
        }
        if (p.Organization is not null || p.OrganizationHandle is not null)
        {
            b.Append("- **Organisation:** ");
            if (p.OrganizationHandle is not null)
            {
                b.Append(MarkdownText.Link(p.Organization ?? p.OrganizationHandle, "https://huggingface.co/" + Uri.EscapeDataString(p.OrganizationHandle)));
            }
            else
            {
                b.Append(MarkdownText.Inline(p.Organization!));
            }
            b.Append('\n');
        }
        if (p.PublishedOn is { } published)
        {
            b.Append("- **Published:** ").Append(Iso(published)).Append('\n');
        }
        var links = new List<string>();
        if (p.ArxivId is not null)
        {
            var aid = Uri.EscapeDataString(p.ArxivId).Replace("%2F", "/", StringComparison.Ordinal);
            links.Add("[arXiv](https://arxiv.org/abs/" + aid + ")");
            links.Add("[PDF](https://arxiv.org/pdf/" + aid + ")");
            links.Add("[Hugging Face](https://huggingface.co/papers/" + aid + ")");
        }
        if (p.GithubRepo is not null)
        {
            links.Add(MarkdownText.Link("GitHub", p.GithubRepo) +
                      (p.GithubStars is { } stars ? " (" + stars.ToString(CultureInfo.InvariantCulture) + " stars)" : ""));
        }
        if (p.ProjectPage is not null)
        {
            links.Add(MarkdownText.Link("Project page", p.ProjectPage));
        }
        if (links.Count > 0)
        {
            b.Append("- **Links:** ").AppendJoin(" · ", links).Append('\n');
        }
        if (Counts(p) is { } counts)
        {
            b.Append("- **Counts:** ").Append(counts).Append('\n');
        }
        if (p.SubmittedBy is not null)
        {
            b.Append("- **Submitted by:** ").Append(MarkdownText.Link(p.SubmittedBy, "https://huggingface.co/" + Uri.EscapeDataString(p.SubmittedBy))).Append('\n');
        }
        if (p.ListedOn.Count > 0)
        {
            b.Append("- **On the daily list:** ")
                .AppendJoin(", ", p.ListedOn.Select(d => "[" + Iso(d) + "](" + ArchiveLayout.Relative(self, ArchiveLayout.DayPath(d)) + ")"))
                .Append('\n');
        }
        if (p.MediaUrls.Count > 0)
        {
            b.Append("- **Media:** ")
                .AppendJoin(" · ", p.MediaUrls.Select((u, i) => MarkdownText.Link((i + 1).ToString(CultureInfo.InvariantCulture), u)))
                .Append('\n');
        }
        if (p.AiSummary is not null)
        {
            b.Append("\n## AI summary\n\n").Append(MarkdownText.Block(p.AiSummary)).Append('\n');
        }
        if (p.AiKeywords.Count > 0)
        {
            var keywords = p.AiKeywords.Select(MarkdownText.Inline).Where(k => k.Length > 0).ToList();
            if (keywords.Count > 0)
            {
                b.Append("\n**Keywords:** ").AppendJoin(", ", keywords).Append('\n');
            }
        }
        if (p.Abstract is not null)
        {
            b.Append("\n## Abstract\n\n").Append(MarkdownText.Block(p.Abstract)).Append('\n');
        }
    }

    /// <summary>"54 upvotes · 3 comments (as of 2026-08-20)" from the newest snapshot, or null.</summary>
    internal static string? Counts(Paper p)
    {
        if (p.Snapshots.Count == 0)
        {
            return null;
        }
        var parts = new List<string>();
        if (p.Upvotes is { } u)
        {
            parts.Add(Plural(u, "upvote"));
        }
        if (p.Comments is { } c)
        {
            parts.Add(Plural(c, "comment"));
        }
        return parts.Count == 0 ? null : string.Join(" · ", parts) + " (as of " + Iso(p.Snapshots[^1].Date) + ")";
    }

    internal static string Heading(string title)
    {
        var escaped = MarkdownText.Inline(title);
        return escaped.Length == 0 ? "(untitled)" : escaped;
    }

    internal static string Plural(int n, string word) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + word + (n == 1 ? "" : "s");

    internal static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Key(StringBuilder y, string key, string? value)
    {
        if (value is not null)
        {
            y.Append(key).Append(": ");
            YamlScalar.AppendQuoted(y, value);
            y.Append('\n');
        }
    }

    private static void Key(StringBuilder y, string key, int? value)
    {
        if (value is { } v)
        {
            y.Append(key).Append(": ").Append(v.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
    }

    private static void Key(StringBuilder y, string key, DateOnly? value)
    {
        if (value is { } v)
        {
            y.Append(key).Append(": ").Append(Iso(v)).Append('\n');
        }
    }

    private static void List(StringBuilder y, string key, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }
        y.Append(key).Append(":\n");
        foreach (var v in values)
        {
            y.Append("  - ");
            YamlScalar.AppendQuoted(y, v);
            y.Append('\n');
        }
    }
}
