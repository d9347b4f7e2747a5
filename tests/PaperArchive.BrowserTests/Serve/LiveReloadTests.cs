using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace PaperArchive.BrowserTests.Serve;

/// <summary>
/// A page opened from <c>paperarchive serve</c> follows the theme as it is edited: a saved change
/// reloads it, a broken template shows the overlay with file and line, and fixing it recovers.
/// Waits on the DOM through Playwright's auto-waiting, never on a timer.
/// </summary>
[Collection(SiteCollection.Name)]
[Trait("Category", "Browser")]
public class LiveReloadTests(BrowserFixture browser, ServeFixture serve, ITestOutputHelper output) : IClassFixture<ServeFixture>
{
    // A rebuild of the 6-paper site takes well under a second on a quiet machine; CI machines are not quiet.
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 60_000 };

    private async Task<IPage> OpenAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(serve.Server.Url);
        // The reload script marks the page once its event stream is open.
        await page.WaitForSelectorAsync("html[data-paperarchive-live='connected']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        return page;
    }

    [Fact]
    public async Task Saving_the_header_partial_reloads_the_open_page_with_the_change()
    {
        var (context, _, external) = await browser.NewPageAsync(allowedOrigin: serve.Origin);
        await using var __ = context;
        var page = await OpenAsync(context);
        await Assertions.Expect(page.Locator("#live-edit")).ToHaveCountAsync(0);
        var header = serve.ThemeFile("partials/header.html");
        var original = await File.ReadAllTextAsync(header);
        try
        {
            var clock = Stopwatch.StartNew();
            await File.WriteAllTextAsync(header, original.Replace("<span class=\"brand-mark\"", "<span id=\"live-edit\">Edited live</span><span class=\"brand-mark\"", StringComparison.Ordinal));
            await Assertions.Expect(page.Locator("header #live-edit")).ToBeVisibleAsync(Visible);
            output.WriteLine($"save → reloaded page shows the change: {clock.ElapsedMilliseconds} ms");
            lock (serve.Log)
            {
                output.WriteLine(string.Join("\n", serve.Log));
            }
            // The script lives in the response only.
            Assert.DoesNotContain("__paperarchive", await File.ReadAllTextAsync(Path.Combine(serve.Server.SiteDir, "index.html")));
            Assert.Equal(1, await page.Locator("script[src='/__paperarchive/live.js']").CountAsync());
            Assert.Empty(external);
        }
        finally
        {
            await File.WriteAllTextAsync(header, original);
        }
    }

    [Fact]
    public async Task A_broken_template_shows_the_overlay_and_fixing_it_recovers()
    {
        var (context, _, _) = await browser.NewPageAsync(allowedOrigin: serve.Origin);
        await using var __ = context;
        var page = await OpenAsync(context);
        var header = serve.ThemeFile("partials/header.html");
        var original = await File.ReadAllTextAsync(header);
        try
        {
            await File.WriteAllTextAsync(header, "<header>\n<p>broken</p>\n{{ if }}\n</header>\n");
            var overlay = page.Locator("#paperarchive-overlay");
            await Assertions.Expect(overlay).ToBeVisibleAsync(Visible);
            await Assertions.Expect(overlay.Locator(".paperarchive-error-file").First).ToContainTextAsync("partials/header.html (line 3");
            await Assertions.Expect(overlay).ToContainTextAsync("Build errors");

            // A fresh load while the build is broken shows the overlay straight away, over the last good page.
            await page.ReloadAsync();
            await Assertions.Expect(overlay).ToBeVisibleAsync(Visible);
            await Assertions.Expect(page.Locator("main")).ToBeAttachedAsync();

            await File.WriteAllTextAsync(header, original.Replace("<span class=\"brand-mark\"", "<span id=\"recovered\">Fixed</span><span class=\"brand-mark\"", StringComparison.Ordinal));
            await Assertions.Expect(page.Locator("header #recovered")).ToBeVisibleAsync(Visible);
            await Assertions.Expect(overlay).ToHaveCountAsync(0);
        }
        finally
        {
            await File.WriteAllTextAsync(header, original);
        }
    }
}
