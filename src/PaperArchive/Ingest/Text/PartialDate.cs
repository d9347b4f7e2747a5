using System.Globalization;
using System.Text.RegularExpressions;

namespace PaperArchive.Ingest.Text;

/// <summary>
/// A date as the page printed it: "Oct 27, 2025" or, for the current year, just "Mar 25".
/// <see cref="Year"/> is null until resolved against the listing's own date.
/// </summary>
internal readonly partial record struct PartialDate(int Month, int Day, int? Year)
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>
    /// Parses a date at the start of <paramref name="text"/>; <paramref name="rest"/> is what follows it
    /// (e.g. a comment count). Month names may be abbreviated ("Sep", "Sept") or full.
    /// </summary>
    public static bool TryParseStart(string text, out PartialDate date, out string rest)
    {
        date = default;
        rest = "";
        var m = DatePattern().Match(text);
        if (!m.Success)
        {
            return false;
        }
        var monthWord = m.Groups["mon"].Value.ToLowerInvariant();
        var month = Array.IndexOf(Months, monthWord[..3]) + 1;
        if (month == 0 || !IsMonthName(monthWord))
        {
            return false;
        }
        var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        int? year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
        // Validate against a leap year when the year is unknown, so "Feb 29" stays possible.
        if (day < 1 || day > DateTime.DaysInMonth(year ?? 2000, month))
        {
            return false;
        }
        date = new PartialDate(month, day, year);
        rest = text[m.Length..];
        return true;
    }

    /// <summary>The whole text is a date, nothing else (a heading such as "Jan 29").</summary>
    public static bool TryParseExact(string text, out PartialDate date) =>
        TryParseStart(text.Trim(), out date, out var rest) && rest.Trim().Length == 0;

    public DateOnly? ToDate() => Year is int y ? At(y) : null;

    /// <summary>This month and day in <paramref name="year"/>; Feb 29 in a common year is null.</summary>
    public DateOnly? At(int year) =>
        year is >= 1 and <= 9999 && Day <= DateTime.DaysInMonth(year, Month) ? new DateOnly(year, Month, Day) : null;

    public override string ToString() =>
        Months[Month - 1] + " " + Day.ToString(CultureInfo.InvariantCulture) + (Year is int y ? ", " + y.ToString(CultureInfo.InvariantCulture) : "");

    private static bool IsMonthName(string word)
    {
        var full = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;
        return word.Length == 3 || word == "sept" || full.Any(f => f.Length > 0 && f.Equals(word, StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"^(?<mon>[A-Za-z]{3,9})\.?[ \u00a0]+(?<day>\d{1,2})(?:,[ \u00a0]*(?<year>\d{4}))?(?![\d])")]
    private static partial Regex DatePattern();
}
