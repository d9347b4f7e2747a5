using Microsoft.Playwright;
using PaperArchive.Archive;
using PaperArchive.Build;
using PaperArchive.Model;
using PaperArchive.Rendering;

namespace PaperArchive.BrowserTests.Reader;

/// <summary>
/// The upvote history on a paper with several snapshots from the real fixtures (the API listing of
/// 2024-08-01 and the /papers page saved on 9 August): drawn as inline SVG, visible without script.
/// </summary>
[Collection(SiteCollection.Name)]
[Trait("Category", "Browser")]
public class HistoryChartTests(BrowserFixture browser)
{
    [Fact]
    public async Task Paper_with_two_fixture_snapshots_shows_its_history_chart_without_script()
    {
        var root = Path.Combine(Path.GetTempPath(), "paperarchive-browser", Guid.NewGuid().ToString("N"));
        try
        {
            var fixtures = Path.Combine(SiteFixture.RepoRoot, "tests", "fixtures");
            var listings = Path.Combine(root, "input", "listings");
            Directory.CreateDirectory(listings);
            File.Copy(Path.Combine(fixtures, "hf-api", "2024-08-01.json"), Path.Combine(listings, "2024-08-01.json"));
            File.Copy(Path.Combine(fixtures, "hf-html", "papers-listing-2024-08-01.html"), Path.Combine(listings, "papers-listing-2024-08-01.html"));
            var archive = ArchiveImporter.Import(new ImportOptions(Path.Combine(root, "input"), Path.Combine(root, "archive"))).Archive;
            var paper = archive.Papers.Single(p => p.Id == "2407.21475");
            Assert.Equal(2, paper.Snapshots.Count);
            var siteDir = Path.Combine(root, "site");
            var report = SiteBuilder.Render(archive, ArchiveAnalysis.Empty, new SiteConfig(), Theme.Load(Path.Combine(SiteFixture.RepoRoot, "themes"), "default", null), siteDir);
            Assert.False(report.HasErrors, string.Join("\n", report.Diagnostics));

            var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
            await using var _ = context;
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(Path.Combine(siteDir, SiteUrls.Paper(paper.Id))).AbsoluteUri);
            var chart = page.Locator("figure[data-upvote-history]");
            Assert.True(await chart.IsVisibleAsync());
            var box = await chart.Locator("svg").BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box!.Width > 100 && box.Height > 30, $"chart drawn at {box.Width}×{box.Height}");
            Assert.Equal(2, await chart.Locator("svg circle").CountAsync());
            Assert.Equal("+2 upvotes over 2 snapshots, 1 Aug 2024 – 9 Aug 2024", (await chart.Locator("figcaption").InnerTextAsync()).Trim());
            Assert.Equal("Upvotes from 3 on 1 Aug 2024 to 5 on 9 Aug 2024", await chart.Locator("svg > title").TextContentAsync());

            // Home: the rising list names papers whose upvotes grew between snapshots.
            await page.GotoAsync(new Uri(Path.Combine(siteDir, SiteUrls.Home)).AbsoluteUri);
            Assert.True(await page.Locator(".rising-list li").CountAsync() > 0);
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
