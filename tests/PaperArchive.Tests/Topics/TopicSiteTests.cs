using AngleSharp.Html.Parser;
using PaperArchive.Model;
using PaperArchive.Rendering;
using PaperArchive.Rendering.Model;
using PaperArchive.Rendering.Pages;
using PaperArchive.Tests.Rendering;
using PaperArchive.Topics;

namespace PaperArchive.Tests.Topics;

/// <summary>Topic pages, the topics index, topic feeds and keyword pages rendered through the default theme.</summary>
public class TopicSiteTests
{
    private static readonly Topic[] Rules =
    [
        new("attention", "Attention", "Attention <mechanisms>", "title:attention OR \"long context\""),
        new("agents", "Agents", "", "agent*"),
        new("diffusion", "Diffusion", "", "diffusion"),
    ];

    private static (RenderHarness Harness, ArchiveAnalysis Analysis) Render(int pageSize = 20, Topic[]? rules = null)
    {
        var archive = SampleArchive.Create();
        var analysis = TopicAnalyzer.Analyze(archive, rules ?? Rules, new TopicAnalysisOptions { KeywordPageMinPapers = 1 });
        return (RenderHarness.Default(archive, analysis, new PaperArchive.Build.SiteConfig { PageSize = pageSize }), analysis);
    }

    [Fact]
    public void Topic_page_lists_its_papers_query_chart_and_feed()
    {
        var (h, _) = Render();
        using var _ = h;
        Assert.DoesNotContain(h.Report.Diagnostics, d => d.Severity == PaperArchive.Common.Severity.Error);
        var doc = new HtmlParser().ParseDocument(h.Read(SiteUrls.Topic("attention")));
        Assert.Equal("Attention", doc.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Attention <mechanisms>", doc.QuerySelector(".lead")!.TextContent); // escaped, not markup
        Assert.Equal("title:attention OR \"long context\"", doc.QuerySelector(".topic-query code")!.TextContent);
        Assert.Contains(doc.QuerySelectorAll("a"), a => a.GetAttribute("href") == "../papers/2606.11111.html");
        Assert.DoesNotContain(doc.QuerySelectorAll("a"), a => a.GetAttribute("href") == "../papers/2607.00001.html");
        Assert.Contains(doc.QuerySelectorAll("a"), a => a.GetAttribute("href") == "../feeds/topics/attention.xml");
        var bars = doc.QuerySelectorAll(".topic-chart svg rect");
        Assert.Single(bars); // one month (June 2026) with one paper
        Assert.Contains("Jun 2026: 1 paper", bars[0].TextContent);
        Assert.Empty(doc.QuerySelectorAll("script[src*=chart]"));
        var feed = h.Read(SiteUrls.TopicFeed("attention"));
        Assert.Contains("<feed", feed);
        Assert.Contains("Sparse Attention for Long Context Reasoning", feed);
        Assert.DoesNotContain("Diffusion Models Without Noise", feed);
    }

    [Fact]
    public void Topic_pages_are_paged()
    {
        var (h, analysis) = Render(pageSize: 1, [.. Rules, new("broad", "Broad", "", "attention OR agent* OR diffusion OR copy")]);
        using var _ = h;
        Assert.True(h.Exists(SiteUrls.Topic("agents")));
        Assert.True(h.Exists(SiteUrls.Topic("attention")));
        Assert.False(h.Exists(SiteUrls.Topic("attention", 1)));
        // By one: the newest page keeps one paper, each older one the next (page 1 = the oldest paper).
        var broad = analysis.ByPaper.Values.Count(a => a.TopicSlugs.Contains("broad"));
        Assert.True(broad >= 3, "the broad rule should match three sample papers");
        Assert.True(h.Exists(SiteUrls.Topic("broad", broad - 1)));
        Assert.False(h.Exists(SiteUrls.Topic("broad", broad)));
        var oldest = new HtmlParser().ParseDocument(h.Read(SiteUrls.Topic("broad", 1)));
        Assert.Contains("Papers 1–1 counted from the oldest", oldest.QuerySelector(".page-head")!.TextContent);
        Assert.Null(oldest.QuerySelector(".topic-chart"));
        Assert.Equal(["Newest", "Newer"], oldest.QuerySelectorAll("nav.pager a").Select(a => a.TextContent));
        Assert.Equal("../../topics/broad.html", oldest.QuerySelector("nav.pager a")!.GetAttribute("href"));
        Assert.Contains("href=\"../../topics/broad/page-1.bib\"", h.Read(SiteUrls.Topic("broad", 1)));
        var newest = new HtmlParser().ParseDocument(h.Read(SiteUrls.Topic("broad")));
        Assert.NotNull(newest.QuerySelector(".topic-chart"));
        Assert.Equal(Enumerable.Range(1, broad - 1).Reverse().Select(k => "../topics/broad/page-" + k + ".html"), newest.QuerySelectorAll("nav.pager a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Topics_index_lists_every_topic_with_its_count()
    {
        var (h, analysis) = Render();
        using var _ = h;
        var doc = new HtmlParser().ParseDocument(h.Read(SiteUrls.TopicsIndex));
        var rows = doc.QuerySelectorAll("table.topics-index tbody tr");
        Assert.Equal(Rules.Select(r => r.Title), rows.Select(r => r.QuerySelector("th a")!.TextContent));
        foreach (var (row, rule) in rows.Zip(Rules))
        {
            var expected = analysis.ByPaper.Values.Count(a => a.TopicSlugs.Contains(rule.Slug));
            Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), row.QuerySelectorAll("td")[0].TextContent);
            Assert.Equal("../topics/" + rule.Slug + ".html", row.QuerySelector("th a")!.GetAttribute("href"));
        }
    }

    [Fact]
    public void Keyword_pages_exist_for_every_linked_keyword()
    {
        var (h, analysis) = Render();
        using var _ = h;
        Assert.NotEmpty(analysis.KeywordPages);
        foreach (var (keyword, slug) in analysis.KeywordPages)
        {
            var doc = new HtmlParser().ParseDocument(h.Read(SiteUrls.Keyword(slug)));
            Assert.Equal(keyword, doc.QuerySelector("h1")!.TextContent.Trim());
            Assert.NotEmpty(doc.QuerySelectorAll(".paper-list a"));
        }
        var paper = h.Read(SiteUrls.Paper("2606.11111"));
        Assert.Contains("../keywords/sparse-attention.html", paper);
        Assert.Contains("../topics/attention.html", paper);
    }

    [Fact]
    public void Chart_has_a_bar_for_every_month_including_empty_ones()
    {
        static Paper P(string id, int y, int m) => new() { Id = id, Title = id, ListedOn = ValueList.Of(new DateOnly(y, m, 3)) };
        var chart = TopicModels.Chart([P("a", 2025, 11), P("b", 2025, 11), P("c", 2026, 2), P("u", 2026, 1) with { ListedOn = ValueList<DateOnly>.Empty }]);
        Assert.Equal(["2025-11", "2025-12", "2026-01", "2026-02"], chart.Bars.Select(b => b.Month));
        Assert.Equal([2, 0, 0, 1], chart.Bars.Select(b => b.Count));
        Assert.Equal(2, chart.Max);
        Assert.Equal(TopicModels.ChartHeight, chart.Bars[0].Height);
        Assert.Equal(TopicModels.ChartHeight / 2, chart.Bars[3].Height);
        Assert.All(chart.Bars, b => Assert.Equal(TopicModels.ChartHeight, b.Y + b.Height));
        Assert.Equal(TopicChartModel.Empty, TopicModels.Chart([]));
    }
}
