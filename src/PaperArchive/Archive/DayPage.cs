using System.Globalization;
using System.Text;
using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Archive;

/// <summary>
/// One listing day's archive page: front matter with the date and the paper ids in listing order,
/// then a numbered list of the papers (title linking to the paper page, authors, organisation,
/// counts, abstract) with links to the previous and next listed day.
/// </summary>
internal static class DayPage
{
    private const int AuthorsShown = 5;

    public static string Render(DayListing day, IReadOnlyDictionary<string, Paper> papers, DateOnly? previous, DateOnly? next)
    {
        var self = ArchiveLayout.DayPath(day.Date);
        var b = new StringBuilder(1024 + day.PaperIds.Count * 1500);
        b.Append("---\n");
        b.Append("date: ").Append(PaperPage.Iso(day.Date)).Append('\n');
        if (day.PaperIds.Count == 0)
        {
            b.Append("papers: []\n");
        }
        else
        {
            b.Append("papers:\n");
            foreach (var id in day.PaperIds)
            {
                b.Append("  - ");
                YamlScalar.AppendQuoted(b, id);
                b.Append('\n');
            }
        }
        b.Append("---\n\n");
        b.Append("# Daily papers, ")
            .Append(day.Date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture))
            .Append("\n\n");
        var nav = new List<string>();
        if (previous is { } p)
        {
            nav.Add("[← " + PaperPage.Iso(p) + "](" + ArchiveLayout.Relative(self, ArchiveLayout.DayPath(p)) + ")");
        }
        nav.Add("[All days](" + ArchiveLayout.Relative(self, ArchiveLayout.Index) + ")");
        if (next is { } n)
        {
            nav.Add("[" + PaperPage.Iso(n) + " →](" + ArchiveLayout.Relative(self, ArchiveLayout.DayPath(n)) + ")");
        }
        b.Append(PaperPage.Plural(day.PaperIds.Count, "paper")).Append(" · ").AppendJoin(" · ", nav).Append('\n');
        var number = 0;
        foreach (var id in day.PaperIds)
        {
            number++;
            b.Append("\n## ").Append(number.ToString(CultureInfo.InvariantCulture)).Append(". ");
            if (!papers.TryGetValue(id, out var paper))
            {
                b.Append(MarkdownText.Inline(id)).Append("\n\n(not in the archive)\n");
                continue;
            }
            b.Append('[').Append(PaperPage.Heading(paper.Title)).Append("](")
                .Append(ArchiveLayout.Relative(self, ArchiveLayout.PaperPath(paper))).Append(")\n\n");
            var facts = new List<string>();
            if (Authors(paper) is { } authors)
            {
                facts.Add(authors);
            }
            if ((paper.Organization ?? paper.OrganizationHandle) is { } org)
            {
                facts.Add(MarkdownText.Inline(org));
            }
            if (PaperPage.Counts(paper) is { } counts)
            {
                facts.Add(counts);
            }
            if (paper.ArxivId is not null)
            {
                facts.Add("[arXiv](https://arxiv.org/abs/" + Uri.EscapeDataString(paper.ArxivId).Replace("%2F", "/", StringComparison.Ordinal) + ")");
            }
            if (facts.Count > 0)
            {
                b.Append(string.Join(" · ", facts)).Append('\n');
            }
            if (paper.Abstract is not null)
            {
                b.Append('\n').Append(MarkdownText.Block(paper.Abstract)).Append('\n');
            }
        }
        return b.ToString();
    }

    public static DayListing? Parse(string text, string file, List<Diagnostic> diagnostics)
    {
        var local = new List<Diagnostic>();
        var fm = FrontMatter.Parse(text, file, local);
        if (fm is null)
        {
            diagnostics.AddRange(local);
            return null;
        }
        var date = fm.Date("date", required: true);
        var ids = fm.StringList("papers");
        fm.RejectUnknownKeys();
        diagnostics.AddRange(local);
        return fm.HasErrors || date is null ? null : new DayListing(date.Value, ids.ToValueList());
    }

    private static string? Authors(Paper p)
    {
        if (p.Authors.Count == 0)
        {
            return p.AuthorCount is { } n ? PaperPage.Plural(n, "author") : null;
        }
        var names = string.Join(", ", p.Authors.Take(AuthorsShown).Select(a => MarkdownText.Inline(a.Name)));
        return p.Authors.Count > AuthorsShown
            ? names + " et al. (" + PaperPage.Plural(p.Authors.Count, "author") + ")"
            : names;
    }
}
