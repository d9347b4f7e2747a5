using PaperArchive.Rendering.Model;

namespace PaperArchive.Rendering.Pages;

/// <summary>
/// <c>index.html</c> (layout <c>home</c>): the newest <c>home_days</c> days (top papers of each) and
/// the most upvoted papers of the newest seven days.
/// Variables: <c>days</c> (DayGroupModel[]), <c>week_top</c> (PaperModel[]), <c>week</c> (LinkModel or null).
/// </summary>
public sealed class HomePageSource : IPageSource
{
    public const int WeekTopCount = 10;

    public IEnumerable<SiteOutput> GetPages(SiteContext site)
    {
        var days = site.Days.Reverse().Take(site.Config.HomeDays)
            .Select(d =>
            {
                var papers = site.ByUpvotes(d.PaperIds);
                return new DayGroupModel(site.Date(d.Date), papers.Take(site.Config.HomePapersPerDay).ToArray(), papers.Length);
            })
            .ToArray();
        var newest = site.Days.Count > 0 ? site.Days[^1].Date : (DateOnly?)null;
        var weekTop = newest is null
            ? []
            : site.ByUpvotes(site.Days.Where(d => d.Date > newest.Value.AddDays(-7)).SelectMany(d => d.PaperIds)).Take(WeekTopCount).ToArray();
        yield return new SitePage(SiteUrls.Home, "home", site.Config.Title, new Dictionary<string, object?>
        {
            ["days"] = days,
            ["week_top"] = weekTop,
            ["week"] = newest is null ? null : new LinkModel("This week", SiteUrls.Week(newest.Value)),
        });
    }
}
