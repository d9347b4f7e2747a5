using Microsoft.Playwright;

namespace PaperArchive.BrowserTests;

/// <summary>
/// One Chromium for the whole run: the Debian package (<c>PAPERARCHIVE_CHROMIUM</c>, default
/// <c>/usr/bin/chromium</c>), never a downloaded browser. Tests open their own contexts.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PAPERARCHIVE_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh context (own storage) whose page fails any request that leaves the site.</summary>
    public async Task<(IBrowserContext Context, IPage Page, List<string> External)> NewPageAsync(int width = 1280, int height = 900, string? allowedOrigin = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var external = new List<string>();
        // Only requests that leave the site are routed (and aborted); the site's own requests never
        // make the round trip through this process, which under a loaded machine was seen to stall
        // navigations for the length of a test timeout.
        bool Leaves(string url) =>
            !url.StartsWith("file:", StringComparison.Ordinal)
            && !url.StartsWith("data:", StringComparison.Ordinal)
            && !url.StartsWith("about:", StringComparison.Ordinal)
            && !(allowedOrigin is not null && url.StartsWith(allowedOrigin, StringComparison.Ordinal));
        await context.RouteAsync(Leaves, async route =>
        {
            lock (external)
            {
                external.Add(route.Request.Url);
            }
            await route.AbortAsync();
        });
        var page = await context.NewPageAsync();
        return (context, page, external);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
    }
}
