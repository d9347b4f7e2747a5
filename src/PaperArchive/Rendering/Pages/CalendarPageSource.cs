using PaperArchive.Rendering.Model;

namespace PaperArchive.Rendering.Pages;

/// <summary>
/// <c>archive.html</c> (layout <c>calendar</c>): every listed day with its count, as month grids grouped by year, newest first.
/// Variables: <c>years</c> (CalendarYearModel[]).
/// </summary>
public sealed class CalendarPageSource : IPageSource
{
    public IEnumerable<SiteOutput> GetPages(SiteContext site)
    {
        var years = CalendarBuilder.ListedMonths(site)
            .GroupBy(m => m.Year)
            .OrderByDescending(g => g.Key)
            .Select(g =>
            {
                var months = g.OrderByDescending(m => m.Month).Select(m => CalendarBuilder.Month(site, m.Year, m.Month)).ToArray();
                return new CalendarYearModel(g.Key, months.Sum(m => m.Count), months);
            })
            .ToArray();
        yield return new SitePage(SiteUrls.Calendar, "calendar", "Archive", new Dictionary<string, object?>
        {
            ["years"] = years,
        })
        {
            Description = $"Every day of the archive: {site.Days.Count} days, {site.Archive.Papers.Count} papers",
        };
    }
}
