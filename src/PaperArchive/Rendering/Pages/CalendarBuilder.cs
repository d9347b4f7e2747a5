using System.Globalization;
using PaperArchive.Rendering.Model;

namespace PaperArchive.Rendering.Pages;

/// <summary>Month grids (Monday first) for the archive calendar and month pages.</summary>
public static class CalendarBuilder
{
    public static CalendarMonthModel Month(SiteContext site, int year, int month)
    {
        var counts = site.Days
            .Where(d => d.Date.Year == year && d.Date.Month == month)
            .ToDictionary(d => d.Date.Day, d => d.PaperIds.Count);
        var first = new DateOnly(year, month, 1);
        var daysInMonth = DateTime.DaysInMonth(year, month);
        var lead = ((int)first.DayOfWeek + 6) % 7; // Monday = 0
        var cells = new List<CalendarCellModel>();
        cells.AddRange(Enumerable.Repeat(new CalendarCellModel(0, null, 0, null), lead));
        for (var day = 1; day <= daysInMonth; day++)
        {
            var date = new DateOnly(year, month, day);
            var listed = counts.TryGetValue(day, out var count);
            cells.Add(new CalendarCellModel(day, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), count, listed ? SiteUrls.Day(date) : null));
        }
        while (cells.Count % 7 != 0)
        {
            cells.Add(new CalendarCellModel(0, null, 0, null));
        }
        return new CalendarMonthModel(
            year,
            month,
            first.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
            SiteUrls.Month(year, month),
            counts.Values.Sum(),
            counts.Count,
            cells.Chunk(7).ToArray());
    }

    /// <summary>Every month with a listing, as (year, month), ascending.</summary>
    public static IReadOnlyList<(int Year, int Month)> ListedMonths(SiteContext site) =>
        site.Days.Select(d => (d.Date.Year, d.Date.Month)).Distinct().Order().ToList();
}
