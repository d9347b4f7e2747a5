using PaperArchive.Rendering.Model;

namespace PaperArchive.Rendering.Pages;

/// <summary>
/// One page per listing day (layouts <c>day</c> → <c>list</c>): papers by upvotes, previous/next day.
/// Variables: <c>day</c> (DateModel), <c>papers</c> (PaperModel[]), <c>week</c>, <c>month</c> (LinkModel).
/// </summary>
public sealed class DayPageSource : IPageSource
{
    public IEnumerable<SiteOutput> GetPages(SiteContext site)
    {
        for (var i = 0; i < site.Days.Count; i++)
        {
            var day = site.Days[i];
            var date = site.Date(day.Date);
            var papers = site.ByUpvotes(day.PaperIds);
            yield return new SitePage(SiteUrls.Day(day.Date), "day", "Papers of " + date.Long, new Dictionary<string, object?>
            {
                ["day"] = date,
                ["papers"] = papers,
                ["week"] = new LinkModel(WeekPageSource.Label(day.Date), SiteUrls.Week(day.Date)),
                ["month"] = new LinkModel(day.Date.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), SiteUrls.Month(day.Date.Year, day.Date.Month)),
            })
            {
                Fallbacks = ["list"],
                Description = $"{papers.Length} papers listed on {date.Display}" + (papers.Length > 0 ? ", most upvoted: " + papers[0].Title : ""),
                Prev = i > 0 ? new LinkModel(site.Date(site.Days[i - 1].Date).Display, SiteUrls.Day(site.Days[i - 1].Date)) : null,
                Next = i + 1 < site.Days.Count ? new LinkModel(site.Date(site.Days[i + 1].Date).Display, SiteUrls.Day(site.Days[i + 1].Date)) : null,
            };
        }
    }
}
