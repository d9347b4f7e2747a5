namespace PaperArchive.Ingest.Text;

/// <summary>
/// Gives year-less dates in copied page text their year. Hugging Face prints the year only for dates
/// outside the current year, so "Mar 25" means "this year" from the point of view of the day the page
/// was copied — which the copy itself rarely states with a year. The rules, first that applies:
/// <list type="number">
/// <item>The heading carries a year: that is the copy day.</item>
/// <item>The file says when it was saved (front matter <c>retrieved</c>/<c>exported</c>/…, or a
/// <c>yyyy-MM-dd</c> in the file name): the copy day is the latest date with the heading's month and
/// day that is not after the save day (a page is copied before or on the day it is saved).</item>
/// <item>The page links a full date in its day navigation (<c>/papers/date/2026-03-24</c>) within a
/// week of the heading: the year that puts the heading nearest to that date.</item>
/// <item>Papers carry full dates: since the page printed their years, none of them is in the copy's
/// year, so the copy year is the year after the latest of them (the earliest year consistent with the
/// page, and never before any paper's date).</item>
/// <item>Otherwise the copy day stays unknown (a warning says so).</item>
/// </list>
/// Without a heading the save day, if any, is taken as the copy day.
/// </summary>
internal static class CopyDateResolver
{
    /// <summary>How far back to look for a year in which the month/day exists (Feb 29).</summary>
    private const int MaxYearSteps = 8;

    public static DateOnly? ResolveCopyDay(
        PartialDate? heading,
        DateOnly? savedOn,
        IReadOnlyList<DateOnly> navigationDates,
        IEnumerable<PartialDate> paperDates)
    {
        if (heading is not PartialDate h)
        {
            return savedOn;
        }
        if (h.ToDate() is DateOnly exact)
        {
            return exact;
        }
        if (savedOn is DateOnly saved)
        {
            return LatestNotAfter(h, saved);
        }
        DateOnly? best = null;
        var bestDistance = int.MaxValue;
        foreach (var nav in navigationDates)
        {
            for (var y = nav.Year - 1; y <= nav.Year + 1; y++)
            {
                if (h.At(y) is DateOnly candidate)
                {
                    var distance = Math.Abs(candidate.DayNumber - nav.DayNumber);
                    if (distance <= 7 && distance < bestDistance)
                    {
                        best = candidate;
                        bestDistance = distance;
                    }
                }
            }
        }
        if (best is not null)
        {
            return best;
        }
        var latestYear = paperDates.Where(d => d.Year is not null).Select(d => d.Year!.Value).DefaultIfEmpty(0).Max();
        if (latestYear > 0)
        {
            for (var y = latestYear + 1; y <= latestYear + 1 + MaxYearSteps; y++)
            {
                if (h.At(y) is DateOnly d)
                {
                    return d;
                }
            }
        }
        return null;
    }

    /// <summary>
    /// A paper's printed date: a full date as is; a year-less one is in the copy's year (that is why the
    /// page left the year out), unless that would put it more than two days after the copy day
    /// (time zones), in which case it is the year before.
    /// </summary>
    public static DateOnly? ResolvePaperDate(PartialDate date, DateOnly? copyDay)
    {
        if (date.ToDate() is DateOnly exact)
        {
            return exact;
        }
        if (copyDay is not DateOnly copy)
        {
            return null;
        }
        var sameYear = date.At(copy.Year);
        if (sameYear is DateOnly d && d <= copy.AddDays(2))
        {
            return d;
        }
        return LatestNotAfter(date, copy);
    }

    private static DateOnly? LatestNotAfter(PartialDate date, DateOnly bound)
    {
        for (var y = bound.Year; y >= bound.Year - MaxYearSteps; y--)
        {
            if (date.At(y) is DateOnly d && d <= bound)
            {
                return d;
            }
        }
        return null;
    }
}
