using Microsoft.Playwright;

namespace PaperArchive.BrowserTests;

/// <summary>
/// Saves screenshots of every page kind at phone (390px) and desktop (1280px) widths, light and
/// dark, under tests/PaperArchive.BrowserTests/screenshots/ — for a person to look at. Asserts
/// that nothing overflows horizontally (the commonest phone-layout bug).
/// </summary>
[Collection(SiteCollection.Name)]
[Trait("Category", "Browser")]
public class ScreenshotTests(SiteFixture site, BrowserFixture browser)
{
    public static TheoryData<string, string> Pages => new()
    {
        { "home", "index.html" },
        { "day", "days/2026-07-01.html" },
        { "week", "weeks/2026-W27.html" },
        { "month", "months/2026-07.html" },
        { "archive", "archive.html" },
        { "paper", "papers/2607.10000.html" },
        { "author", "authors/ada-lovelace.html" },
        { "organization", "orgs/example-lab.html" },
        { "404", "404.html" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Screenshot_phone_and_desktop(string name, string path)
    {
        // Dark mode only for the pages with the most varied parts, to keep the run short.
        var dark = name is "home" or "paper" or "archive";
        var shots = dark
            ? new[] { (390, ColorScheme.Light), (1280, ColorScheme.Light), (390, ColorScheme.Dark), (1280, ColorScheme.Dark) }
            : new[] { (390, ColorScheme.Light), (1280, ColorScheme.Light) };
        foreach (var (width, scheme) in shots)
        {
            var (context, page, external) = await browser.NewPageAsync(width, 844, site.Origin);
            await using var _ = context;
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = scheme });
            await page.GotoAsync(site.Url(path));
            await page.WaitForSelectorAsync("html[data-ready='true']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
            var file = Path.Combine(SiteFixture.ScreenshotDir, $"{name}-{width}-{scheme.ToString().ToLowerInvariant()}");
            // The first screen as a visitor sees it, and the whole page.
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file + ".png" });
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file + "-full.png", FullPage = true });
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{name} at {width}px overflows horizontally by {overflow}px");
            Assert.Empty(external);
        }
    }
}
