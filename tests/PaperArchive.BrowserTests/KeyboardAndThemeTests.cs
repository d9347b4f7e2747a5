using Microsoft.Playwright;

namespace PaperArchive.BrowserTests;

/// <summary>Keyboard shortcuts (j/k, ←/→, /) and the persistent dark-mode toggle.</summary>
[Collection(SiteCollection.Name)]
[Trait("Category", "Browser")]
public class KeyboardAndThemeTests(SiteFixture site, BrowserFixture browser)
{
    /// <summary>
    /// Presses <paramref name="key"/> and waits until the page it opens has run its script. The wait
    /// starts before the key press and ends at the commit of the new document plus its ready flag, not
    /// at the load event: under a loaded CI machine the load event of a second visit was missed once.
    /// </summary>
    private static async Task PressAndArrive(IPage page, string key, string url)
    {
        var arrived = page.WaitForURLAsync(url, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await page.Keyboard.PressAsync(key);
        await arrived;
        await Ready(page);
    }

    private static Task Ready(IPage page) => page.WaitForSelectorAsync("html[data-ready='true']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

    [Fact]
    public async Task J_and_k_move_between_papers()
    {
        var (context, page, _) = await browser.NewPageAsync(allowedOrigin: site.Origin);
        await using var __ = context;
        await page.GotoAsync(site.Url("days/2026-07-01.html"));
        await Ready(page);
        var cards = page.Locator(".paper-card");
        await page.Keyboard.PressAsync("j");
        await Assertions.Expect(cards.Nth(0)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-current"));
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("j");
        await Assertions.Expect(cards.Nth(2)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-current"));
        await page.Keyboard.PressAsync("k");
        await Assertions.Expect(cards.Nth(1)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-current"));
        Assert.Equal(1, await page.Locator(".paper-card.is-current").CountAsync());
        // The current paper's link has focus, so Enter opens it.
        var title = (await cards.Nth(1).Locator(".paper-title a").InnerTextAsync()).Trim();
        await page.Keyboard.PressAsync("Enter");
        await Ready(page);
        Assert.Equal(title, (await page.Locator("h1").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task Arrow_keys_move_between_days()
    {
        var (context, page, _) = await browser.NewPageAsync(allowedOrigin: site.Origin);
        await using var __ = context;
        await page.GotoAsync(site.Url("days/2026-07-01.html"));
        await Ready(page);
        await PressAndArrive(page, "ArrowRight", "**/days/2026-07-02.html");
        await PressAndArrive(page, "ArrowLeft", "**/days/2026-07-01.html");
        await PressAndArrive(page, "ArrowLeft", "**/days/2026-06-30.html");
    }

    [Fact]
    public async Task Typing_in_search_does_not_trigger_shortcuts()
    {
        var (context, page, _) = await browser.NewPageAsync(allowedOrigin: site.Origin);
        await using var __ = context;
        await page.GotoAsync(site.Url("days/2026-07-01.html"));
        await Ready(page);
        await page.Keyboard.PressAsync("/");
        await page.Keyboard.TypeAsync("jk");
        Assert.Equal("jk", await page.Locator("input[name=q]").InputValueAsync());
        Assert.Equal(0, await page.Locator(".paper-card.is-current").CountAsync());
        await page.Keyboard.PressAsync("ArrowLeft");
        Assert.EndsWith("/days/2026-07-01.html", page.Url);
    }

    [Fact]
    public async Task Dark_mode_toggle_persists_across_reload_and_pages()
    {
        var (context, page, _) = await browser.NewPageAsync(allowedOrigin: site.Origin);
        await using var __ = context;
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Light });
        await page.GotoAsync(site.Url("index.html"));
        await Ready(page);
        var lightBg = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        var toggle = page.Locator("[data-theme-toggle]");
        Assert.Equal("false", await toggle.GetAttributeAsync("aria-pressed"));
        await toggle.ClickAsync();
        Assert.Equal("dark", await page.Locator("html").GetAttributeAsync("data-theme"));
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-pressed"));
        var darkBg = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        Assert.NotEqual(lightBg, darkBg);

        await page.ReloadAsync();
        await Ready(page);
        Assert.Equal("dark", await page.Locator("html").GetAttributeAsync("data-theme"));
        Assert.Equal(darkBg, await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));

        await page.GotoAsync(site.Url("archive.html"));
        await Ready(page);
        Assert.Equal("dark", await page.Locator("html").GetAttributeAsync("data-theme"));
        await page.Locator("[data-theme-toggle]").ClickAsync();
        await page.ReloadAsync();
        await Ready(page);
        Assert.Equal("light", await page.Locator("html").GetAttributeAsync("data-theme"));
    }

    [Fact]
    public async Task System_dark_preference_applies_without_a_stored_choice()
    {
        var (context, page, _) = await browser.NewPageAsync(allowedOrigin: site.Origin);
        await using var __ = context;
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
        await page.GotoAsync(site.Url("index.html"));
        await Ready(page);
        Assert.Equal("true", await page.Locator("[data-theme-toggle]").GetAttributeAsync("aria-pressed"));
        var bg = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(20, 19, 17)", bg);
    }
}
