using System.Globalization;
using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Archive;

/// <summary>
/// Where every file of the Markdown archive lives (paths relative to the archive folder, '/'-separated).
/// Paper pages are grouped by month so that no folder grows past a few thousand files: arXiv ids by
/// the year-month in the id (2406.01234 → papers/2024-06/, hep-th/9901001 → papers/1999-01/), papers
/// without one by the month they were first seen (first listing day, else arXiv date), else "undated".
/// </summary>
public static class ArchiveLayout
{
    /// <summary>Version of the page format; a change makes the next import rewrite every page.</summary>
    public const int FormatVersion = 1;

    public const string PapersDir = "papers";
    public const string DaysDir = "days";
    public const string Index = "README.md";
    public const string StateFile = ".import-state.json";
    public const string UndatedFolder = "undated";

    public static string PaperFolder(Paper paper)
    {
        if (ArxivMonth(paper.Id) is { } month)
        {
            return month;
        }
        return paper.FirstSeen is { } d ? d.ToString("yyyy-MM", CultureInfo.InvariantCulture) : UndatedFolder;
    }

    public static string PaperFileName(string paperId)
    {
        try
        {
            return Slug.ForPaperId(paperId) + ".md";
        }
        catch (ArgumentException)
        {
            // Slug normalises Unicode, which rejects non-characters in very long odd ids; such an id still needs a stable name.
            return "x-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(paperId)).AsSpan(0, 8)) + ".md";
        }
    }

    public static string PaperPath(Paper paper) => PapersDir + "/" + PaperFolder(paper) + "/" + PaperFileName(paper.Id);

    public static string DayPath(DateOnly date) =>
        DaysDir + "/" + date.Year.ToString("0000", CultureInfo.InvariantCulture) + "/" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".md";

    /// <summary>Relative link from one archive file to another (both archive-relative).</summary>
    public static string Relative(string from, string to)
    {
        var depth = from.Count(c => c == '/');
        return string.Concat(Enumerable.Repeat("../", depth)) + to;
    }

    /// <summary>"2406.01234" → "2024-06"; "hep-th/9901001" → "1999-01"; null for other ids.</summary>
    internal static string? ArxivMonth(string id)
    {
        if (!PaperId.IsArxivId(id))
        {
            return null;
        }
        var slash = id.IndexOf('/', StringComparison.Ordinal);
        var digits = slash >= 0 ? id[(slash + 1)..] : id;
        var yy = int.Parse(digits.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var mm = int.Parse(digits.AsSpan(2, 2), CultureInfo.InvariantCulture);
        if (mm is < 1 or > 12)
        {
            return null;
        }
        var year = yy >= 91 ? 1900 + yy : 2000 + yy;
        return year.ToString("0000", CultureInfo.InvariantCulture) + "-" + mm.ToString("00", CultureInfo.InvariantCulture);
    }
}
