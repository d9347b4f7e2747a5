namespace PaperArchive.Rendering.Pages;

/// <summary><c>404.html</c> (layout <c>404</c>). Served at any depth by static hosts, so its layout sets <c>&lt;base href=site.base_path&gt;</c>.</summary>
public sealed class NotFoundPageSource : IPageSource
{
    public IEnumerable<SiteOutput> GetPages(SiteContext site)
    {
        yield return new SitePage(SiteUrls.NotFound, "404", "Page not found", new Dictionary<string, object?>())
        {
            NoIndex = true,
            InSitemap = false,
        };
    }
}
