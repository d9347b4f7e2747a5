using Microsoft.Playwright;

namespace PaperArchive.BrowserTests;

/// <summary>What a visitor clicks: home → day → paper → author and back, over HTTP under /repo/ and from file://.</summary>
[Collection(SiteCollection.Name)]
[Trait("Category", "Browser")]
public class SiteBrowsingTests(SiteFixture site, BrowserFixture browser)
{
    private static Task Ready(IPage page) => page.WaitForSelectorAsync("html[data-ready='true']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

    private static async Task<string> H1(IPage page) => (await page.Locator("h1").InnerTextAsync()).Trim();

    [Fact]
    public async Task Home_day_paper_author_and_back()
    {
        var (context, page, external) = await browser.NewPageAsync(allowedOrigin: site.Origin);
        await using var _ = context;
        await page.GotoAsync(site.Url("index.html"));
        await Ready(page);
        Assert.Equal("Browser Test Archive", await H1(page));

        await page.Locator(".day-group h2 a").First.ClickAsync();
        await Ready(page);
        Assert.Contains("/repo/days/2026-07-06.html", page.Url);
        Assert.Equal("Monday, 6 July 2026", await H1(page));

        var firstPaper = page.Locator(".paper-card .paper-title a").First;
        var title = (await firstPaper.InnerTextAsync()).Trim();
        await firstPaper.ClickAsync();
        await Ready(page);
        Assert.Equal(title, await H1(page));
        Assert.Equal(1, await page.Locator("h1").CountAsync());

        var author = page.Locator(".paper-authors a").First;
        var name = (await author.InnerTextAsync()).Trim();
        await author.ClickAsync();
        await Ready(page);
        Assert.Equal(name, await H1(page));
        Assert.True(await page.Locator(".paper-card").CountAsync() >= 1);

        await page.GoBackAsync();
        Assert.Equal(title, await H1(page));
        await page.GoBackAsync();
        Assert.Equal("Monday, 6 July 2026", await H1(page));
        await page.GoBackAsync();
        Assert.Equal("Browser Test Archive", await H1(page));
        Assert.Empty(external);
    }

    [Fact]
    public async Task Stylesheet_applies_under_a_path_prefix()
    {
        var (context, page, _) = await browser.NewPageAsync(allowedOrigin: site.Origin);
        await using var __ = context;
        await page.GotoAsync(site.Url("papers/2607.10000.html"));
        await Ready(page);
        // The stylesheet turns the body into a flex column; the browser default is block.
        Assert.Equal("flex", await page.EvaluateAsync<string>("getComputedStyle(document.body).display"));
    }

    [Fact]
    public async Task Unknown_url_shows_the_404_page_with_working_links()
    {
        var (context, page, _) = await browser.NewPageAsync(allowedOrigin: site.Origin);
        await using var __ = context;
        var response = await page.GotoAsync(site.Url("no/such/page.html"));
        Assert.Equal(404, response!.Status);
        await Ready(page);
        Assert.Equal("Page not found", await H1(page));
        await page.Locator("main a", new PageLocatorOptions { HasText = "Latest papers" }).ClickAsync();
        await Ready(page);
        Assert.Equal("Browser Test Archive", await H1(page));
    }

    [Fact]
    public async Task Site_opened_from_disk_navigates()
    {
        var (context, page, external) = await browser.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync(site.FileUrl("index.html"));
        await Ready(page);
        Assert.Equal("flex", await page.EvaluateAsync<string>("getComputedStyle(document.body).display"));
        await page.Locator(".site-nav a", new PageLocatorOptions { HasText = "Archive" }).ClickAsync();
        await Ready(page);
        Assert.Equal("Archive", await H1(page));
        Assert.EndsWith("/archive.html", page.Url);
        await page.Locator(".cal td.listed a").First.ClickAsync();
        await Ready(page);
        Assert.StartsWith("file://", page.Url);
        Assert.Contains("/days/", page.Url);
        await page.Locator(".paper-card .paper-title a").First.ClickAsync();
        await Ready(page);
        Assert.Contains("/papers/", page.Url);
        await page.Locator(".paper-facts a").First.ClickAsync();
        await Ready(page);
        Assert.Contains("/days/", page.Url);
        Assert.Empty(external);
    }

    [Fact]
    public async Task Copy_button_copies_the_bibtex()
    {
        var (context, page, _) = await browser.NewPageAsync(allowedOrigin: site.Origin);
        await using var __ = context;
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new BrowserContextGrantPermissionsOptions { Origin = site.Origin.TrimEnd('/') });
        await page.GotoAsync(site.Url("papers/2607.10000.html"));
        await Ready(page);
        var button = page.Locator("button[data-copy]");
        Assert.True(await button.IsVisibleAsync());
        await button.ClickAsync();
        await Assertions.Expect(button).ToHaveTextAsync("Copied");
        var clip = await page.EvaluateAsync<string>("navigator.clipboard.readText()");
        Assert.StartsWith("@misc{", clip);
    }

    [Fact]
    public async Task Pages_work_without_javascript()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        await using var _ = context;
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.FileUrl("days/2026-07-01.html"));
        Assert.Equal(6, await page.Locator(".paper-card").CountAsync());
        Assert.False(await page.Locator("[data-theme-toggle]").IsVisibleAsync());
        await page.Locator("a[rel=next]").First.ClickAsync();
        Assert.Equal("Thursday, 2 July 2026", (await page.Locator("h1").InnerTextAsync()).Trim());
    }
}
