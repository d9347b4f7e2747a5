using System.Globalization;
using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Ingest;

/// <summary>
/// Caps on what one scraped paper may carry, applied once by <see cref="ListingReader"/> to every format.
/// Real data is far below them (the longest arXiv abstract is under 2,000 characters, the longest author
/// list in the fixtures 664 names); a damaged or hostile scrape far above them would otherwise cost
/// every later stage (a 10 MB abstract in the archive, the search index and three feeds; 100,000 author
/// pages). What is cut is said in a warning naming the file and the item.
/// </summary>
public static class InputLimits
{
    /// <summary>Longest title kept (characters).</summary>
    public const int MaxTitleChars = 2_000;

    /// <summary>Longest abstract, AI summary or other text field kept (characters).</summary>
    public const int MaxTextChars = 64 * 1024;

    /// <summary>Most author names kept per paper; <see cref="Paper.AuthorCount"/> keeps the real number.</summary>
    public const int MaxAuthors = 5_000;

    /// <summary>Most keywords or media links kept per paper.</summary>
    public const int MaxListItems = 200;

    public static ListingReadResult Apply(ListingReadResult result)
    {
        List<Diagnostic>? warnings = null;
        List<Observation>? observations = null;
        for (var i = 0; i < result.Observations.Count; i++)
        {
            var o = result.Observations[i];
            var cut = new List<string>();
            var p = Clamp(o.Paper, cut);
            if (cut.Count == 0)
            {
                continue;
            }
            warnings ??= new List<Diagnostic>(result.Diagnostics);
            observations ??= new List<Observation>(result.Observations);
            observations[i] = o with { Paper = p };
            warnings.Add(Diagnostic.Warning(o.File, o.Item, "oversized paper shortened: " + string.Join("; ", cut)));
        }
        return warnings is null ? result : result with { Observations = observations!, Diagnostics = warnings };
    }

    private static Paper Clamp(Paper p, List<string> cut)
    {
        var authors = p.Authors;
        if (authors.Count > MaxAuthors)
        {
            cut.Add($"{N(authors.Count)} author names, kept the first {N(MaxAuthors)}");
            authors = authors.Take(MaxAuthors).ToValueList();
        }
        var result = p with
        {
            Title = Text(p.Title, MaxTitleChars, "title", cut)!,
            Abstract = Text(p.Abstract, MaxTextChars, "abstract", cut),
            AiSummary = Text(p.AiSummary, MaxTextChars, "AI summary", cut),
            Organization = Text(p.Organization, MaxTitleChars, "organisation", cut),
            Authors = authors.Any(a => a.Name.Length > MaxTitleChars)
                ? authors.Select(a => a.Name.Length > MaxTitleChars ? a with { Name = Text(a.Name, MaxTitleChars, "author name", cut)! } : a).ToValueList()
                : authors,
            AuthorCount = authors.Count < p.Authors.Count ? Math.Max(p.AuthorCount ?? 0, p.Authors.Count) : p.AuthorCount,
            AiKeywords = List(p.AiKeywords, "keywords", cut),
            MediaUrls = List(p.MediaUrls, "media links", cut),
        };
        return cut.Count == 0 ? p : result;
    }

    private static string? Text(string? value, int max, string what, List<string> cut)
    {
        if (value is null || value.Length <= max)
        {
            return value;
        }
        cut.Add($"{what} of {N(value.Length)} characters, kept {N(max)}");
        // Never split a surrogate pair.
        var end = char.IsHighSurrogate(value[max - 1]) ? max - 1 : max;
        return value[..end] + "…";
    }

    private static ValueList<string> List(ValueList<string> items, string what, List<string> cut)
    {
        if (items.Count <= MaxListItems && items.All(i => i.Length <= MaxTitleChars))
        {
            return items;
        }
        cut.Add($"{N(items.Count)} {what}, kept at most {N(MaxListItems)} short ones");
        return items.Where(i => i.Length <= MaxTitleChars).Take(MaxListItems).ToValueList();
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
