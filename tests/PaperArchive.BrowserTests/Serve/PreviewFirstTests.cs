using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace PaperArchive.BrowserTests.Serve;

/// <summary>
/// Preview first, in a browser, on the bundled sample (about 1,500 pages, all with the header): a header
/// edit shows in the open tab without waiting for the full rebuild, and a page opened before that rebuild
/// has published shows it too. Waits on the DOM (Playwright's auto-waiting) and on the server's build
/// log, never on a timer. The save → visible time is logged, not asserted (speed is measured by hand:
/// <c>PAPERARCHIVE_PREVIEW_EDITS=5</c> repeats the edit; <c>PAPERARCHIVE_PREVIEW_FIRST=0</c> measures the old way).
/// </summary>
[Collection(SiteCollection.Name)]
[Trait("Category", "Browser")]
public class PreviewFirstTests(BrowserFixture browser, SampleServeFixture serve, ITestOutputHelper output) : IClassFixture<SampleServeFixture>
{
    // The full rebuild of the sample takes seconds; a loaded CI machine is slower still.
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 60_000 };

    private async Task<IPage> OpenAsync(IBrowserContext context, string url)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        await ConnectedAsync(page);
        return page;
    }

    // The reload script marks the page once its event stream (which names the page) is open.
    private static Task ConnectedAsync(IPage page) =>
        page.WaitForSelectorAsync("html[data-paperarchive-live='connected']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    private static string WithMarker(string header, string id) =>
        header.Replace("<span class=\"brand-mark\"", $"<span id=\"{id}\">Edited</span><span class=\"brand-mark\"", StringComparison.Ordinal);

    [Fact]
    public async Task A_header_edit_shows_in_the_open_tab_and_the_time_is_logged()
    {
        var (context, _, external) = await browser.NewPageAsync(allowedOrigin: serve.Origin);
        await using var __ = context;
        var page = await OpenAsync(context, serve.Server.Url);
        var header = serve.ThemeFile("partials/header.html");
        var original = await File.ReadAllTextAsync(header);
        var edits = int.TryParse(Environment.GetEnvironmentVariable("PAPERARCHIVE_PREVIEW_EDITS"), out var n) && n > 0 ? n : 1;
        var times = new List<long>();
        try
        {
            for (var i = 0; i < edits; i++)
            {
                var built = serve.NextBuildAsync();
                var id = "preview-edit-" + i.ToString(CultureInfo.InvariantCulture);
                var clock = Stopwatch.StartNew();
                await File.WriteAllTextAsync(header, WithMarker(original, id));
                await Assertions.Expect(page.Locator("header #" + id)).ToBeVisibleAsync(Visible);
                times.Add(clock.ElapsedMilliseconds);
                output.WriteLine($"edit {i + 1}: save → new header visible in the open tab: {clock.ElapsedMilliseconds} ms");
                // Let the full build finish before the next edit (or the end of the test).
                output.WriteLine($"  then the full build: {await built} ({clock.ElapsedMilliseconds} ms after the save)");
                await Assertions.Expect(page.Locator("header #" + id)).ToBeVisibleAsync(Visible);
            }
            times.Sort();
            output.WriteLine($"median save → visible over {times.Count} edits: {times[times.Count / 2]} ms (load average {File.ReadAllText("/proc/loadavg").Trim()})");
            Assert.Empty(external);
        }
        finally
        {
            var restored = serve.NextBuildAsync();
            await File.WriteAllTextAsync(header, original);
            await restored;
            lock (serve.Log)
            {
                output.WriteLine(string.Join("\n", serve.Log));
            }
        }
    }

    [Fact]
    public async Task A_page_opened_after_the_edit_but_before_the_full_build_publishes_shows_the_new_header()
    {
        var (context, _, _) = await browser.NewPageAsync(allowedOrigin: serve.Origin);
        await using var __ = context;
        var page = await OpenAsync(context, serve.Server.Url);
        // live.js named its page when it connected: that is the page a theme edit renders first.
        Assert.Contains("index.html", serve.Server.OpenPages);
        var paperLink = await page.Locator("main a[href*='papers/']").First.GetAttributeAsync("href");
        Assert.NotNull(paperLink);
        var header = serve.ThemeFile("partials/header.html");
        var original = await File.ReadAllTextAsync(header);
        serve.Gate.Reset();
        try
        {
            await File.WriteAllTextAsync(header, WithMarker(original, "before-publish"));
            await Assertions.Expect(page.Locator("header #before-publish")).ToBeVisibleAsync(Visible);

            // The full build is held at the gate, so this page cannot come from a published site.
            await page.GotoAsync(new Uri(new Uri(page.Url), paperLink).ToString());
            await ConnectedAsync(page);
            await Assertions.Expect(page.Locator("header #before-publish")).ToBeVisibleAsync(Visible);
            Assert.NotNull(serve.Server.Overlay);
            Assert.Contains(new Uri(page.Url).AbsolutePath["/papers/".Length..], serve.Server.Overlay.RenderedPages);
            var onDisk = Path.Combine(serve.Server.SiteDir, new Uri(page.Url).AbsolutePath["/papers/".Length..]);
            Assert.DoesNotContain("before-publish", await File.ReadAllTextAsync(onDisk));

            // Publishing the same bytes does not reload the tab; the page stays as it is.
            var built = serve.NextBuildAsync();
            await page.EvaluateAsync("() => { window.__notReloaded = true; }");
            serve.Gate.Set();
            output.WriteLine("full build: " + await built);
            Assert.Contains("before-publish", await File.ReadAllTextAsync(onDisk));
            Assert.Null(serve.Server.Overlay);
            Assert.True(await page.EvaluateAsync<bool>("() => window.__notReloaded === true"));
        }
        finally
        {
            serve.Gate.Set();
            var restored = serve.NextBuildAsync();
            await File.WriteAllTextAsync(header, original);
            await restored;
        }
    }
}
