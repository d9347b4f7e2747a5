using PaperArchive.Rendering.Model;

namespace PaperArchive.Rendering.Pages;

/// <summary>
/// One page per month with listings (layouts <c>month</c> → <c>list</c>): a calendar of the month and its papers by upvotes.
/// Variables: <c>calendar</c> (CalendarMonthModel), <c>papers</c> (PaperModel[]).
/// </summary>
public sealed class MonthPageSource : IPageSource
{
    public IEnumerable<SiteOutput> GetPages(SiteContext site)
    {
        var months = CalendarBuilder.ListedMonths(site);
        for (var i = 0; i < months.Count; i++)
        {
            var (year, month) = months[i];
            var calendar = CalendarBuilder.Month(site, year, month);
            var papers = site.ByUpvotes(site.Days.Where(d => d.Date.Year == year && d.Date.Month == month).SelectMany(d => d.PaperIds));
            yield return new SitePage(calendar.Url, "month", calendar.Title, new Dictionary<string, object?>
            {
                ["calendar"] = calendar,
                ["papers"] = papers,
            })
            {
                Fallbacks = ["list"],
                Description = $"{papers.Length} papers listed in {calendar.Title}",
                Prev = i > 0 ? Link(site, months[i - 1]) : null,
                Next = i + 1 < months.Count ? Link(site, months[i + 1]) : null,
            };
        }
    }

    private static LinkModel Link(SiteContext site, (int Year, int Month) m)
    {
        var c = CalendarBuilder.Month(site, m.Year, m.Month);
        return new LinkModel(c.Title, c.Url);
    }
}
