using System.Globalization;
using System.Text;
using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Rendering.Exports;

/// <summary>
/// RIS records (the tagged format every reference manager imports: Zotero, Mendeley, EndNote).
/// Each line is <c>TAG  - value</c> ending in CR LF, as the format's specification asks; a record
/// starts with <c>TY</c> and ends with <c>ER</c>. Values are single lines (line breaks in scraped text
/// become spaces) so a value can never forge a tag.
/// </summary>
public static class Ris
{
    public const string NewLine = "\r\n";

    /// <summary>The paper as one record; <paramref name="pageUrl"/> is its absolute page on this site (may be null).</summary>
    public static string For(Paper paper, string key, string? pageUrl, IEnumerable<string>? keywords = null)
    {
        var sb = new StringBuilder();
        void Tag(string tag, string? value)
        {
            var clean = Line(value);
            if (clean.Length > 0)
            {
                sb.Append(tag).Append("  - ").Append(clean).Append(NewLine);
            }
        }
        var arxiv = paper.ArxivId is not null && PaperId.IsArxivId(paper.ArxivId) ? paper.ArxivId : null;
        // UNPB (unpublished work) is how reference managers exchange preprints in RIS.
        Tag("TY", "UNPB");
        Tag("ID", key);
        Tag("TI", paper.Title);
        foreach (var a in paper.Authors)
        {
            Tag("AU", a.Name);
        }
        if (BibTex.Year(paper) is { } year)
        {
            Tag("PY", year.ToString(CultureInfo.InvariantCulture));
        }
        if (paper.PublishedOn is { } published)
        {
            Tag("DA", published.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture));
        }
        Tag("AB", paper.Abstract);
        if (arxiv is not null)
        {
            Tag("PB", "arXiv");
            Tag("M1", "arXiv:" + arxiv);
            Tag("DO", "10.48550/arXiv." + arxiv);
            Tag("UR", "https://arxiv.org/abs/" + arxiv);
            Tag("L1", "https://arxiv.org/pdf/" + arxiv);
        }
        if (pageUrl is not null)
        {
            Tag("UR", pageUrl);
        }
        foreach (var k in keywords ?? [])
        {
            Tag("KW", k);
        }
        sb.Append("ER  - ").Append(NewLine);
        return sb.ToString();
    }

    private static string Line(string? value) => value is null ? "" : UnicodeText.SingleLine(value);
}
