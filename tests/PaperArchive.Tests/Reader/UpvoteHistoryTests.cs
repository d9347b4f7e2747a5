using PaperArchive.Archive;
using PaperArchive.Build;
using PaperArchive.Model;
using PaperArchive.Rendering;
using PaperArchive.Rendering.Model;
using PaperArchive.Rendering.Pages;
using PaperArchive.Tests.Rendering;

namespace PaperArchive.Tests.Reader;

/// <summary>Every count snapshot survives import and archive; the paper page draws them; the home page lists the risers.</summary>
public class UpvoteHistoryTests
{
    [Fact]
    public void Fixture_snapshots_are_kept_in_the_archive_and_drawn_on_the_paper_page()
    {
        using var tmp = TestPaths.Temp();
        var archive = SnapshotFixtureArchive.Import(tmp.Path);
        var paper = archive.Papers.Single(p => p.Id == SnapshotFixtureArchive.PaperId);
        Assert.Equal([new CountSnapshot(new DateOnly(2024, 8, 1), 3, 1), new CountSnapshot(new DateOnly(2024, 8, 9), 5, 2)], paper.Snapshots);

        // The Markdown archive keeps both (what the renderer reads back).
        var reread = ArchiveReader.Read(Path.Combine(tmp.Path, "archive")).Archive.Papers.Single(p => p.Id == SnapshotFixtureArchive.PaperId);
        Assert.Equal(paper.Snapshots, reread.Snapshots);

        var theme = Theme.Load(TestPaths.Themes, "default", null);
        var site = Path.Combine(tmp.Path, "site");
        var report = SiteBuilder.Render(archive, ArchiveAnalysis.Empty, new SiteConfig(), theme, site);
        Assert.Empty(report.Diagnostics);
        var html = File.ReadAllText(Path.Combine(site, SiteUrls.Paper(SnapshotFixtureArchive.PaperId)));
        Assert.Contains("<figure class=\"upvote-history\" data-upvote-history>", html);
        Assert.Contains("<polyline points=\"5,26.6 235,5\"", html);
        Assert.Contains("<title>1 Aug 2024: 3 upvotes</title>", html);
        Assert.Contains("<title>9 Aug 2024: 5 upvotes</title>", html);
        Assert.DoesNotContain("<script", html[html.IndexOf("upvote-history", StringComparison.Ordinal)..html.IndexOf("</figure>", StringComparison.Ordinal)]);

        // The home page's "Rising" list names the risers, biggest gain first.
        var home = File.ReadAllText(Path.Combine(site, "index.html"));
        Assert.Contains("<h2 id=\"rising\">Rising</h2>", home);
    }

    [Fact]
    public void One_snapshot_or_none_with_upvotes_draws_nothing()
    {
        var d = new DateOnly(2026, 1, 1);
        Assert.Null(UpvoteHistoryModel.From([new CountSnapshot(d, 3, 1)], Date));
        Assert.Null(UpvoteHistoryModel.From([new CountSnapshot(d, null, 1), new CountSnapshot(d.AddDays(1), 4, 2)], Date));
        var h = UpvoteHistoryModel.From([new CountSnapshot(d, 0, 0), new CountSnapshot(d.AddDays(1), 10, 0), new CountSnapshot(d.AddDays(3), 20, 0)], Date)!;
        Assert.Equal("5,59 81.7,32 235,5", h.Line);
        Assert.Equal(20, h.Gain);
    }

    [Fact]
    public void Rising_orders_by_gain_within_the_latest_window()
    {
        var archive = SampleArchive.Create();
        var d = new DateOnly(2026, 7, 2);
        var papers = archive.Papers.Select(p => p.Id switch
        {
            "2606.22222" => p with { Snapshots = ValueList.Of(new CountSnapshot(d.AddDays(-2), 25, null), new CountSnapshot(d, 90, null)) },
            // An old change (outside the window) does not count.
            "2607.00001" => p with { Snapshots = ValueList.Of(new CountSnapshot(d.AddDays(-60), 1, null), new CountSnapshot(d.AddDays(-30), 50, null)) },
            _ => p,
        }).ToValueList();
        var site = new SiteContext(archive with { Papers = papers }, SampleArchive.Analysis(), new SiteConfig());
        var rising = HomePageSource.Rising(site);
        Assert.Equal(["2606.22222", "2606.11111"], rising.Select(r => r.Paper.Id));
        Assert.Equal([65, 28], rising.Select(r => r.Gain));
    }

    private static DateModel Date(DateOnly d) => new(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "", "", null);
}
