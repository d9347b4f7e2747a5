using Microsoft.Playwright;

namespace PaperArchive.BrowserTests;

/// <summary>
/// One Chromium for the whole run: the Debian package (<c>PAPERARCHIVE_CHROMIUM</c>, default
/// <c>/usr/bin/chromium</c>), never a downloaded browser. Tests open their own contexts.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    static BrowserFixture() => StaticServer.EnsureThreadHeadroom();

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PAPERARCHIVE_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // Every request that is not to loopback goes to a proxy that does not exist, so nothing
            // can leave the machine; tests see such requests through the context's Request event.
            // (No Playwright routing: a routed context sends every request of the page through
            // this process, which under a loaded machine stalled navigations for a test timeout.)
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--proxy-server=http://127.0.0.1:1"],
        });
    }

    /// <summary>A fresh context (own storage) that records every request leaving the site (and the browser fails them).</summary>
    public async Task<(IBrowserContext Context, IPage Page, List<string> External)> NewPageAsync(int width = 1280, int height = 900, string? allowedOrigin = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var external = new List<string>();
        bool Leaves(string url) =>
            !url.StartsWith("file:", StringComparison.Ordinal)
            && !url.StartsWith("data:", StringComparison.Ordinal)
            && !url.StartsWith("about:", StringComparison.Ordinal)
            && !(allowedOrigin is not null && url.StartsWith(allowedOrigin, StringComparison.Ordinal));
        context.Request += (_, request) =>
        {
            if (Leaves(request.Url))
            {
                lock (external)
                {
                    external.Add(request.Url);
                }
            }
        };
        var page = await context.NewPageAsync();
        return (context, page, external);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
    }
}
