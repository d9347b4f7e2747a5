using System.Globalization;
using System.Text.RegularExpressions;
using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Ingest.Text;

/// <summary>
/// Text a person copied from a Hugging Face <c>/papers</c> page, in three layouts: the plain copy (the
/// seed), a plain-text export with URLs on their own lines, and a Markdown scrape. A layout parser reads
/// the paper blocks; this class resolves dates against the copy day (<see cref="CopyDateResolver"/>)
/// and turns the blocks into observations.
/// <para>A copied page is a search listing unless its front matter URL says it is a day's listing:
/// its papers keep their own dates and are not filed under the day of the copy
/// (<see cref="ListingReadResult.IsDailyListing"/> false, <see cref="ListingReadResult.ListingDate"/> = the copy day).
/// Counts are a snapshot dated the copy day; a count the page does not show ("-", or no comment
/// number) is null, so it never overwrites a real count from another source.</para>
/// </summary>
public sealed partial class PageTextFormat : IListingFormat
{
    public SourceKind Kind => SourceKind.PageText;

    public int Sniff(ReadOnlySpan<char> head, string fileName)
    {
        var text = head.TrimStart("\uFEFF \t\r\n");
        if (text.IsEmpty || text[0] is '<' or '{' || (text[0] == '[' && !MarkdownLinkStart().IsMatch(text)))
        {
            return 0; // HTML, XML or JSON: never ours.
        }
        var s = text.ToString();
        var score = 0;
        if (FooterPattern().IsMatch(s))
        {
            score = 80;
        }
        else if (s.Contains("huggingface.co/papers", StringComparison.OrdinalIgnoreCase) || s.Contains("Daily Papers", StringComparison.Ordinal))
        {
            score = 40;
        }
        if (score > 0 && (fileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".md", StringComparison.OrdinalIgnoreCase)))
        {
            score += 5;
        }
        return score;
    }

    public ListingReadResult Read(string text, string file)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var diagnostics = new List<Diagnostic>();
        var front = FrontMatter.Read(lines, out var frontProblem);
        if (frontProblem is not null)
        {
            diagnostics.Add(Diagnostic.Warning(file, "line 1", frontProblem));
        }

        var page = MarkdownCopyParser.Recognizes(lines) ? MarkdownCopyParser.Parse(lines, front.BodyStartIndex, file)
            : LinkedTextCopyParser.Recognizes(lines) ? LinkedTextCopyParser.Parse(lines, front.BodyStartIndex, file)
            : PlainCopyParser.Parse(lines, front.BodyStartIndex, file);
        diagnostics.AddRange(page.Diagnostics);

        var savedOn = front.SavedOn ?? DateFromFileName(file);
        var copyDay = CopyDateResolver.ResolveCopyDay(page.Heading, savedOn, page.NavigationDates, page.Cards.Select(c => c.Date));
        if (copyDay is null)
        {
            diagnostics.Add(Diagnostic.Warning(file, null, page.Heading is null
                ? "the copy has no date heading and no save date; counts are dropped and year-less dates stay unknown"
                : $"cannot tell the year of the heading '{page.Heading}'; counts are dropped and year-less dates stay unknown"));
        }
        var dailyDay = DailyListingDay(front.Url, copyDay);
        var observations = new List<Observation>(page.Cards.Count);
        foreach (var card in page.Cards)
        {
            var title = PaperTextCleaner.Title(card.Title);
            if (PaperId.NormalizeTitle(title).Length == 0)
            {
                diagnostics.Add(Diagnostic.Warning(file, Line(card.Line), "block has no usable title; skipped"));
                continue;
            }
            var published = CopyDateResolver.ResolvePaperDate(card.Date, copyDay);
            if (published is null)
            {
                diagnostics.Add(Diagnostic.Warning(file, Line(card.Line), $"cannot resolve the date '{card.Date}'; the paper is kept without it"));
            }
            var snapshots = copyDay is DateOnly day && (card.Upvotes is not null || card.Comments is not null)
                ? ValueList.Of(new CountSnapshot(day, card.Upvotes, card.Comments))
                : ValueList<CountSnapshot>.Empty;
            var paper = new Paper
            {
                Id = card.ArxivId ?? PaperId.FromTitle(title),
                ArxivId = card.ArxivId,
                Title = title,
                Abstract = PaperTextCleaner.Abstract(card.Abstract),
                AuthorCount = card.AuthorCount,
                Organization = card.Organization,
                OrganizationHandle = card.OrganizationHandle,
                PublishedOn = published,
                ListedOn = dailyDay is DateOnly listed ? ValueList.Of(listed) : ValueList<DateOnly>.Empty,
                Snapshots = snapshots,
            };
            observations.Add(new Observation(paper, Kind, file, Line(card.Line)));
        }
        if (observations.Count == 0)
        {
            diagnostics.Add(Diagnostic.Warning(file, null, "no complete paper block found in the copied text"));
        }
        return new ListingReadResult(file, Kind, dailyDay ?? copyDay, dailyDay is not null, observations, diagnostics);
    }

    /// <summary>
    /// A copy is a day's listing only when its front matter URL says so (<c>/papers/date/2026-03-25</c>,
    /// <c>/papers?date=…</c>, or plain <c>/papers</c> without a search query); then the day is the URL's
    /// date, else the copy day.
    /// </summary>
    private static DateOnly? DailyListingDay(string? url, DateOnly? copyDay)
    {
        if (url is null)
        {
            return null;
        }
        var m = DailyUrl().Match(url);
        if (!m.Success)
        {
            return null;
        }
        if (m.Groups["d"].Success)
        {
            return DateOnly.TryParseExact(m.Groups["d"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        }
        return copyDay;
    }

    private static DateOnly? DateFromFileName(string file)
    {
        var m = FileNameDate().Match(Path.GetFileName(file));
        return m.Success && DateOnly.TryParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    private static string Line(int n) => "line " + n.ToString(CultureInfo.InvariantCulture);

    /// <summary>A "·" line followed (after blank lines) by a date: the footer of a paper block.</summary>
    [GeneratedRegex(@"(?m)^[ \t]*·[ \t]*\r?\n(?:[ \t]*\r?\n)*[ \t]*(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b")]
    private static partial Regex FooterPattern();

    [GeneratedRegex(@"^\[[^\]\n]*\]\(")]
    private static partial Regex MarkdownLinkStart();

    [GeneratedRegex(@"^https?://huggingface\.co/papers(?:/date/(?<d>\d{4}-\d{2}-\d{2})|\?date=(?<d>\d{4}-\d{2}-\d{2})[^q]*|/?)$")]
    private static partial Regex DailyUrl();

    [GeneratedRegex(@"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)")]
    private static partial Regex FileNameDate();
}
