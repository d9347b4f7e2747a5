using System.Globalization;
using System.Text;
using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Rendering;

/// <summary>
/// A BibTeX entry for a paper (arXiv style <c>@misc</c> with eprint when the arXiv id is known).
/// Text is LaTeX-escaped (<see cref="Escape"/>) so any scraped title or name yields an entry that
/// BibTeX and biber parse; keys come from <see cref="Exports.CitationKeys"/> (unique across the site).
/// </summary>
public static class BibTex
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal) { "a", "an", "the", "on", "of", "for", "in", "to", "and", "with", "via", "from", "is", "are", "towards", "toward" };

    /// <summary>The entry with the paper's base key (<see cref="BaseKey"/>); a site build passes its unique key.</summary>
    public static string For(Paper paper) => For(paper, BaseKey(paper));

    public static string For(Paper paper, string key)
    {
        var year = Year(paper);
        var sb = new StringBuilder();
        sb.Append("@misc{").Append(key).Append(",\n");
        // Double braces keep the title's capitalisation (BibTeX styles lower-case it otherwise).
        Field("title", "{" + Escape(paper.Title) + "}");
        var authors = paper.Authors.Select(a => a.Name.Trim()).Where(n => n.Length > 0).Select(Name).ToList();
        if (authors.Count > 0)
        {
            Field("author", string.Join(" and ", authors));
        }
        if (year is not null)
        {
            Field("year", year.Value.ToString(CultureInfo.InvariantCulture));
        }
        if (paper.PublishedOn is { } published)
        {
            // Unbraced: the standard month macros, which every style turns into its own month name.
            sb.Append("  ").Append("month".PadRight(13)).Append(" = ").Append(MonthNames[published.Month - 1]).Append(",\n");
        }
        if (paper.ArxivId is not null && PaperId.IsArxivId(paper.ArxivId))
        {
            Field("eprint", paper.ArxivId);
            Field("archivePrefix", "arXiv");
            Field("url", "https://arxiv.org/abs/" + paper.ArxivId);
        }
        sb.Append('}');
        return sb.ToString();

        void Field(string name, string value) => sb.Append("  ").Append(name.PadRight(13)).Append(" = {").Append(value).Append("},\n");
    }

    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Publication year, else the year it was first listed.</summary>
    public static int? Year(Paper paper) => paper.PublishedOn?.Year ?? paper.FirstSeen?.Year;

    /// <summary>
    /// "vaswani2017attention": first author's last name, year, first title word that is not a stop
    /// word; ASCII letters and digits only (so every BibTeX tool accepts it). Not unique on its own.
    /// </summary>
    public static string BaseKey(Paper paper)
    {
        var year = Year(paper);
        var first = paper.Authors.Select(a => a.Name.Trim()).FirstOrDefault(n => n.Length > 0);
        var last = first?.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        var word = PaperId.NormalizeTitle(UnicodeText.ReplaceLoneSurrogates(paper.Title)).Split(' ').FirstOrDefault(w => w.Length > 0 && !StopWords.Contains(w));
        var key = KeyPart(last ?? "anon")
            + (year?.ToString(CultureInfo.InvariantCulture) ?? "")
            + (word is null ? "" : KeyPart(word));
        return key.Length > 0 ? key : "paper";
    }

    private static string KeyPart(string text) => Slug.From(UnicodeText.ReplaceLoneSurrogates(text)).Replace("-", "", StringComparison.Ordinal);

    /// <summary>
    /// A name as BibTeX reads it. A name containing the word "and" or a comma would split into two
    /// authors or swap first and last names, so it is braced whole.
    /// </summary>
    private static string Name(string name)
    {
        var escaped = Escape(name);
        var words = escaped.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return name.Contains(',', StringComparison.Ordinal) || words.Any(w => string.Equals(w, "and", StringComparison.OrdinalIgnoreCase))
            ? "{" + escaped + "}"
            : escaped;
    }

    /// <summary>
    /// Escapes LaTeX's special characters (<c># $ % &amp; _ { } ~ ^ \</c>) and drops control characters.
    /// Braces become <c>\textbraceleft{}</c>/<c>\textbraceright{}</c> rather than <c>\{</c>: BibTeX
    /// counts every brace, escaped or not, so a lone <c>\{</c> would still unbalance the entry.
    /// Non-ASCII text stays UTF-8 (biber and modern BibTeX read it).
    /// </summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var ch in UnicodeText.SingleLine(text))
        {
            switch (ch)
            {
                case '\\': sb.Append(@"\textbackslash{}"); break;
                case '{': sb.Append(@"\textbraceleft{}"); break;
                case '}': sb.Append(@"\textbraceright{}"); break;
                case '~': sb.Append(@"\textasciitilde{}"); break;
                case '^': sb.Append(@"\textasciicircum{}"); break;
                case '#' or '$' or '%' or '&' or '_': sb.Append('\\').Append(ch); break;
                default: sb.Append(ch); break;
            }
        }
        return sb.ToString();
    }
}
