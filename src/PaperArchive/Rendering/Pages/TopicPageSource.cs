using System.Globalization;
using PaperArchive.Model;
using PaperArchive.Rendering.Feeds;
using PaperArchive.Rendering.Model;

namespace PaperArchive.Rendering.Pages;

/// <summary>
/// One paged list per topic (layouts <c>topic</c> → <c>list</c>), newest papers first, with the
/// topic's query and month-by-month chart, plus its Atom feed (newest <c>feed_size</c> papers).
/// Variables: <c>topic</c> (TopicModel), <c>papers</c>, <c>pager</c>.
/// </summary>
public sealed class TopicPageSource : IPageSource
{
    public IEnumerable<SiteOutput> GetPages(SiteContext site)
    {
        foreach (var (topic, model, papers) in TopicModels.All(site))
        {
            foreach (var page in ListPages.Paged(site, "topic", "topic", model, model with { PaperCount = 0, Newest = null, Chart = TopicChartModel.Empty }, papers,
                         n => SiteUrls.Topic(topic.Slug, n), $"{Papers(model.PaperCount)} on {topic.Title}: {topic.Description}".TrimEnd(' ', ':'), topic.Title))
            {
                yield return page;
            }
            var updated = papers.Length > 0 && site.FindPaper(papers[0].Id)?.FirstSeen is { } d ? d
                : site.Days.Count > 0 ? site.Days[^1].Date : new DateOnly(2000, 1, 1);
            var feed = new FeedInfo($"{site.Config.Title}: {topic.Title}", topic.Description, site.Config.BaseUrl,
                SiteUrls.TopicFeed(topic.Slug), SiteUrls.Topic(topic.Slug), updated, site.Config.Language);
            var newest = papers.Take(site.Config.FeedSize).ToArray();
            yield return new SiteFile(SiteUrls.TopicFeed(topic.Slug), s => AtomFeedWriter.Write(s, feed, newest)) { InSitemap = false, Key = f => f.Key("atom", feed, newest) };
        }
    }

    internal static string Papers(int n) => n == 1 ? "1 paper" : n.ToString(CultureInfo.InvariantCulture) + " papers";
}

/// <summary>Builds the <see cref="TopicModel"/> of every topic (shared by topic pages and the index).</summary>
public static class TopicModels
{
    public const int ChartHeight = 48;
    public const int ChartMaxWidth = 640;

    public static IEnumerable<(Topic Topic, TopicModel Model, PaperModel[] Papers)> All(SiteContext site)
    {
        var members = site.Analysis.Topics.ToDictionary(t => t.Slug, _ => new List<Paper>(), StringComparer.Ordinal);
        foreach (var paper in site.Archive.Papers)
        {
            foreach (var slug in site.Analysis.For(paper.Id).TopicSlugs)
            {
                if (members.TryGetValue(slug, out var list))
                {
                    list.Add(paper);
                }
            }
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var topic in site.Analysis.Topics)
        {
            if (!seen.Add(topic.Slug))
            {
                continue;
            }
            var list = members[topic.Slug];
            var papers = site.Newest(list);
            var newest = list.Select(p => p.FirstSeen).Where(d => d is not null).Max();
            var model = new TopicModel(topic.Slug, topic.Title, topic.Description, topic.Query, SiteUrls.Topic(topic.Slug),
                SiteUrls.TopicFeed(topic.Slug), papers.Length, newest is { } n ? site.Date(n) : null, Chart(list));
            yield return (topic, model, papers);
        }
    }

    /// <summary>Bars per month from the first to the last month with a dated paper; bar width shrinks with many months.</summary>
    public static TopicChartModel Chart(IEnumerable<Paper> papers)
    {
        var counts = papers.Where(p => p.FirstSeen is not null)
            .GroupBy(p => (p.FirstSeen!.Value.Year, p.FirstSeen!.Value.Month))
            .ToDictionary(g => g.Key, g => g.Count());
        if (counts.Count == 0)
        {
            return TopicChartModel.Empty;
        }
        var first = counts.Keys.Min();
        var last = counts.Keys.Max();
        var months = new List<(int Year, int Month)>();
        for (var m = first; m.CompareTo(last) <= 0; m = m.Month == 12 ? (m.Year + 1, 1) : (m.Year, m.Month + 1))
        {
            months.Add(m);
        }
        var max = counts.Values.Max();
        var step = Math.Clamp(ChartMaxWidth / months.Count, 3, 24);
        var barWidth = Math.Max(2, step - Math.Max(1, step / 6));
        var bars = months.Select((m, i) =>
        {
            var count = counts.GetValueOrDefault(m);
            var height = count == 0 ? 0 : Math.Max(1, (int)Math.Round((double)count * ChartHeight / max));
            var date = new DateOnly(m.Year, m.Month, 1);
            return new MonthBarModel(
                date.ToString("MMM yyyy", CultureInfo.InvariantCulture),
                date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                count, i * step, ChartHeight - height, barWidth, height);
        }).ToArray();
        return new TopicChartModel(months.Count * step, ChartHeight, max, bars);
    }
}
