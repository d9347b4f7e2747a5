using System.Globalization;
using System.Text;
using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Rendering;

/// <summary>A BibTeX entry for a paper (arXiv style <c>@misc</c> with eprint when the arXiv id is known).</summary>
public static class BibTex
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal) { "a", "an", "the", "on", "of", "for", "in", "to", "and", "with", "via", "from", "is", "are", "towards", "toward" };

    public static string For(Paper paper)
    {
        var year = paper.PublishedOn?.Year ?? paper.FirstSeen?.Year;
        var sb = new StringBuilder();
        sb.Append("@misc{").Append(Key(paper, year)).Append(",\n");
        Field("title", "{" + Clean(paper.Title) + "}");
        if (paper.Authors.Count > 0)
        {
            Field("author", string.Join(" and ", paper.Authors.Select(a => Clean(a.Name))));
        }
        if (year is not null)
        {
            Field("year", year.Value.ToString(CultureInfo.InvariantCulture));
        }
        if (paper.ArxivId is not null)
        {
            Field("eprint", paper.ArxivId);
            Field("archivePrefix", "arXiv");
            Field("url", "https://arxiv.org/abs/" + paper.ArxivId);
        }
        sb.Append('}');
        return sb.ToString();

        void Field(string name, string value) => sb.Append("  ").Append(name.PadRight(13)).Append(" = {").Append(value).Append("},\n");
    }

    private static string Key(Paper paper, int? year)
    {
        var last = paper.Authors.Count > 0 ? paper.Authors[0].Name.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() : null;
        var word = PaperId.NormalizeTitle(UnicodeText.ReplaceLoneSurrogates(paper.Title)).Split(' ').FirstOrDefault(w => w.Length > 0 && !StopWords.Contains(w));
        var key = Slug.From(UnicodeText.ReplaceLoneSurrogates(last ?? "anon")).Replace("-", "", StringComparison.Ordinal)
            + (year?.ToString(CultureInfo.InvariantCulture) ?? "")
            + (word is null ? "" : Slug.From(UnicodeText.ReplaceLoneSurrogates(word)).Replace("-", "", StringComparison.Ordinal));
        return key.Length > 0 ? key : "paper";
    }

    // Braces are BibTeX syntax; an unbalanced one from a scrape would break the whole entry.
    private static string Clean(string s) => s.Replace('{', '(').Replace('}', ')').Replace('\n', ' ').Trim();
}
