namespace PaperArchive.Rendering.Pages;

/// <summary><c>search.html</c> (layout <c>search</c>); the search client (theme assets) fills it in the browser.</summary>
public sealed class SearchPageSource : IPageSource
{
    public IEnumerable<SiteOutput> GetPages(SiteContext site)
    {
        yield return new SitePage(SiteUrls.Search, "search", "Search", new Dictionary<string, object?>())
        {
            InSitemap = false,
            Description = "Search every paper in the archive",
        };
    }
}
