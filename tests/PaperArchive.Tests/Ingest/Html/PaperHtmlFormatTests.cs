using PaperArchive.Ingest;
using PaperArchive.Ingest.Html;
using PaperArchive.Model;

namespace PaperArchive.Tests.Ingest.Html;

/// <summary>
/// The saved page of 2509.24002. Literals read with python's html.parser (PaperContent data-props,
/// counting span.author) and by eye in the prettified file.
/// </summary>
public class PaperHtmlFormatTests
{
    private static readonly string Html = IngestFixtures.Text(IngestFixtures.PaperHtml);

    private static readonly string[] AuthorNames =
    [
        "Zijian Wu", "Xiangyan Liu", "Xinyuan Zhang", "Lingjun Chen", "Fanqing Meng", "Lingxiao Du", "Yiran Zhao",
        "Fanshi Zhang", "Yaoqi Ye", "Jiawei Wang", "Zirui Wang", "Jinjie Ni", "Yufan Yang", "Arvin Xu", "Michael Qizhe Shieh",
    ];

    private static ListingReadResult Read(string html) => new PaperHtmlFormat().Read(html, "page.html");

    private static string WithoutHydration(string html) =>
        html.Replace("data-target=\"PaperContent\"", "data-target=\"Removed\"", StringComparison.Ordinal);

    [Fact]
    public void Hydration_gives_the_whole_paper()
    {
        var r = Read(Html);
        Assert.Equal(SourceKind.PaperHtml, r.Kind);
        Assert.False(r.IsDailyListing);
        Assert.Null(r.ListingDate);
        Assert.Empty(r.Diagnostics);
        var p = Assert.Single(r.Observations).Paper;
        Assert.Equal("2509.24002", p.Id);
        Assert.Equal("MCPMark: A Benchmark for Stress-Testing Realistic and Comprehensive MCP Use", p.Title);
        Assert.Equal(AuthorNames, p.Authors.Select(a => a.Name).ToArray());
        Assert.Equal("Jakumetsu", p.Authors[0].HfUser);
        Assert.Equal(new DateOnly(2025, 9, 28), p.PublishedOn);      // paper.publishedAt 2025-09-28T17:53:27Z
        Assert.Equal(118, p.Upvotes);                                // paper.upvotes
        Assert.Equal(2, p.Comments);                                 // comments[]: 2 (one hidden as spam)
        Assert.Equal(182, p.GithubStars);
        Assert.Equal("https://github.com/eval-sys/mcpmark", p.GithubRepo);
        Assert.Equal("https://mcpmark.ai/", p.ProjectPage);
        Assert.Equal(21, p.AiKeywords.Count);
        Assert.Equal("MCP", p.AiKeywords[0]);
        Assert.Equal("Jakumetsu", p.SubmittedBy);                    // paper.submittedOnDailyBy.user
        Assert.Equal("National University of Singapore", p.Organization);
        Assert.Equal("NationalUniversityofSingapore", p.OrganizationHandle);
        Assert.Equal("https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2509.24002/gradient.png", p.Thumbnail); // og:image
        Assert.StartsWith("MCPMark is a comprehensive benchmark for evaluating MCP use in real-world workflows", p.AiSummary);
    }

    [Fact]
    public void The_daily_list_day_is_a_fact_about_the_paper_not_a_listing_of_the_file()
    {
        var p = Read(Html).Observations[0].Paper;
        // paper.submittedOnDailyAt 2025-10-01T01:58:54Z ("#1 Paper of the day", /papers?date=2025-10-01).
        Assert.Equal([new DateOnly(2025, 10, 1)], p.ListedOn);
        // Newest timestamp in the props: 2025-10-01T20:17:29Z → the counts are of that day.
        Assert.Equal([new CountSnapshot(new DateOnly(2025, 10, 1), 118, 2)], p.Snapshots);
    }

    [Fact]
    public void Dom_fallback_reads_title_authors_and_the_abstract_with_right_spacing()
    {
        var hydrated = Read(Html).Observations[0].Paper;
        var r = Read(WithoutHydration(Html));
        Assert.Empty(r.Diagnostics);
        var p = Assert.Single(r.Observations).Paper;
        Assert.Equal("2509.24002", p.Id);                       // canonical link
        Assert.Equal(hydrated.Title, p.Title);                   // h1 with a hard wrap
        Assert.Equal(AuthorNames, p.Authors.Select(a => a.Name).ToArray()); // 15 span.author
        Assert.Equal(15, p.AuthorCount);
        // The abstract's keywords are links on their own indented lines ("agents</a>\n . However");
        // read right it is exactly the hydration's summary with its hard wraps joined.
        Assert.Equal(hydrated.Abstract, p.Abstract);
        Assert.Contains("forming the foundation for general agents. However, existing MCP benchmarks remain narrow", p.Abstract);
        Assert.Equal(hydrated.AiSummary, p.AiSummary);
        Assert.Equal(118, p.Upvotes);                            // "Upvote 118"
        Assert.Equal(new DateOnly(2025, 9, 28), p.PublishedOn);  // "Published on Sep 28" + year from 2509
        Assert.Equal([new DateOnly(2025, 10, 1)], p.ListedOn);   // "#1 Paper of the day" → /papers?date=2025-10-01
        Assert.Equal("https://github.com/eval-sys/mcpmark", p.GithubRepo);
        Assert.Equal(182, p.GithubStars);
        Assert.Equal("https://mcpmark.ai/", p.ProjectPage);
    }

    [Fact]
    public void A_page_without_title_yields_nothing_with_a_warning()
    {
        var r = Read("<!doctype html><html><head><title>Paper page - x</title></head><body><p>nothing</p></body></html>");
        Assert.Empty(r.Observations);
        Assert.Single(r.Diagnostics);
        Assert.False(r.Failed && r.Kind is null);
    }
}
