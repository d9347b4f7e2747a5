using PaperArchive.Rendering.Model;

namespace PaperArchive.Rendering.Pages;

/// <summary>
/// <c>index.html</c> (layout <c>home</c>): the newest <c>home_days</c> days (top papers of each) and
/// the most upvoted papers of the newest seven days.
/// Variables: <c>days</c> (DayGroupModel[]), <c>week_top</c> (PaperModel[]), <c>week</c> (LinkModel or null),
/// <c>rising</c> (RisingModel[], see <see cref="Rising"/>).
/// </summary>
public sealed class HomePageSource : IPageSource
{
    public const int WeekTopCount = 10;

    public const int RisingCount = 10;

    /// <summary>How far back (days before the newest snapshot in the archive) a change still counts as "latest".</summary>
    public const int RisingWindowDays = 14;

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
            ["rising"] = Rising(site),
        });
    }

    /// <summary>
    /// Papers whose upvotes grew between their two newest snapshots, when the newer one is among the
    /// latest (within <see cref="RisingWindowDays"/> of the newest snapshot anywhere): largest gain first,
    /// then newest snapshot, then id.
    /// </summary>
    public static RisingModel[] Rising(SiteContext site)
    {
        var changes = new List<(PaperArchive.Model.Paper Paper, int Gain, DateOnly Since, DateOnly Until)>();
        foreach (var paper in site.AllPapers.DistinctBy(p => p.Id))
        {
            var counted = paper.Snapshots.Where(s => s.Upvotes is not null).ToList();
            if (counted.Count >= 2 && counted[^1].Upvotes > counted[^2].Upvotes)
            {
                changes.Add((paper, counted[^1].Upvotes!.Value - counted[^2].Upvotes!.Value, counted[^2].Date, counted[^1].Date));
            }
        }
        if (changes.Count == 0)
        {
            return [];
        }
        var latest = changes.Max(c => c.Until);
        return changes
            .Where(c => c.Until > latest.AddDays(-RisingWindowDays))
            .OrderByDescending(c => c.Gain)
            .ThenByDescending(c => c.Until)
            .ThenBy(c => c.Paper.Id, StringComparer.Ordinal)
            .Take(RisingCount)
            .Select(c => new RisingModel(site.PaperModel(c.Paper.Id), c.Gain, site.Date(c.Since), site.Date(c.Until)))
            .ToArray();
    }
}
