using System.Globalization;
using PaperArchive.Rendering.Model;

namespace PaperArchive.Rendering.Pages;

/// <summary>
/// One page per ISO week with listings (layouts <c>week</c> → <c>list</c>): the week's papers by upvotes.
/// Variables: <c>days</c> (DaySummaryModel[]), <c>papers</c> (PaperModel[]).
/// </summary>
public sealed class WeekPageSource : IPageSource
{
    public static string Label(DateOnly date)
    {
        var dt = date.ToDateTime(TimeOnly.MinValue);
        var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(ISOWeek.GetYear(dt), ISOWeek.GetWeekOfYear(dt), DayOfWeek.Monday));
        var sunday = monday.AddDays(6);
        return string.Create(CultureInfo.InvariantCulture,
            $"Week {ISOWeek.GetWeekOfYear(dt)}, {ISOWeek.GetYear(dt)} ({monday:d MMM} – {sunday:d MMM yyyy})");
    }

    public IEnumerable<SiteOutput> GetPages(SiteContext site)
    {
        var weeks = site.Days.GroupBy(d => SiteUrls.Week(d.Date)).ToList();
        for (var i = 0; i < weeks.Count; i++)
        {
            var days = weeks[i].ToList();
            var title = Label(days[0].Date);
            var papers = site.ByUpvotes(days.SelectMany(d => d.PaperIds));
            yield return new SitePage(weeks[i].Key, "week", title, new Dictionary<string, object?>
            {
                ["days"] = days.Select(d => new DaySummaryModel(site.Date(d.Date), d.PaperIds.Count)).ToArray(),
                ["papers"] = papers,
            })
            {
                Fallbacks = ["list"],
                Description = $"{papers.Length} papers listed in {title}",
                Prev = i > 0 ? new LinkModel(Label(weeks[i - 1].First().Date), weeks[i - 1].Key) : null,
                Next = i + 1 < weeks.Count ? new LinkModel(Label(weeks[i + 1].First().Date), weeks[i + 1].Key) : null,
            };
        }
    }
}
