using PaperArchive.Rendering.Model;

namespace PaperArchive.Rendering;

/// <summary>
/// Splits a list into pages. <c>pathOf(n)</c> gives the site path of page n (1-based), e.g.
/// <c>n => SiteUrls.Topic(slug, n)</c>. An empty list still has one (empty) page.
/// </summary>
public static class Pager
{
    public static IEnumerable<(PagerModel Pager, T[] Items, string Path)> Paginate<T>(IReadOnlyList<T> items, int pageSize, Func<int, string> pathOf)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var pages = Math.Max(1, (items.Count + pageSize - 1) / pageSize);
        var urls = Enumerable.Range(1, pages).Select(pathOf).ToArray();
        for (var n = 1; n <= pages; n++)
        {
            var slice = items.Skip((n - 1) * pageSize).Take(pageSize).ToArray();
            var pager = new PagerModel(n, pages, items.Count, n > 1 ? urls[n - 2] : null, n < pages ? urls[n] : null, urls);
            yield return (pager, slice, urls[n - 1]);
        }
    }

    /// <summary>Prev/next links of a pager, for <see cref="SitePage.Prev"/>/<see cref="SitePage.Next"/>.</summary>
    public static (LinkModel? Prev, LinkModel? Next) Links(PagerModel pager) => (
        pager.PrevUrl is null ? null : new LinkModel("Page " + (pager.Page - 1), pager.PrevUrl),
        pager.NextUrl is null ? null : new LinkModel("Page " + (pager.Page + 1), pager.NextUrl));
}
