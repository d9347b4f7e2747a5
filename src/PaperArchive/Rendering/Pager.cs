using System.Globalization;
using PaperArchive.Rendering.Model;

namespace PaperArchive.Rendering;

/// <summary>
/// Splits a list (newest first) into a newest page and older pages that stay put as the list grows.
/// <c>pathOf(0)</c> is the newest page's site path, <c>pathOf(k)</c> older page k's (1 = oldest), e.g.
/// <c>k => SiteUrls.Topic(slug, k)</c>. Older page k holds the k-th <c>pageSize</c> papers counted from the oldest;
/// the newest page holds the rest (between <c>pageSize</c> and twice that, fewer when the whole list is shorter).
/// Paging from the newest would shift every page each day a paper arrives; this way a new paper changes the
/// newest page and, every <c>pageSize</c> papers, adds one older page. An empty list still has its (empty) newest page.
/// </summary>
public static class Pager
{
    public static IEnumerable<(PagerModel Pager, T[] Items, string Path)> Paginate<T>(IReadOnlyList<T> items, int pageSize, Func<int, string> pathOf)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var n = items.Count;
        var older = OlderPages(n, pageSize);
        var newest = pathOf(0);
        var oldest = older > 0 ? pathOf(1) : null;
        var newestCount = n - older * pageSize;
        var list = Enumerable.Range(1, older).Reverse()
            .Select(k => new LinkModel("Page " + k.ToString(CultureInfo.InvariantCulture), pathOf(k))).ToArray();
        yield return (new PagerModel(0, older * pageSize + (newestCount > 0 ? 1 : 0), n, newest, null, older > 0 ? pathOf(older) : null, oldest, list),
            [.. items.Take(newestCount)], newest);
        for (var k = older; k >= 1; k--)
        {
            // Newest first within the page, as on the newest page: items [n - k·size, n - (k-1)·size).
            var start = n - k * pageSize;
            var pager = new PagerModel(k, (k - 1) * pageSize + 1, k * pageSize, newest, k < older ? pathOf(k + 1) : newest, k > 1 ? pathOf(k - 1) : null, oldest, []);
            yield return (pager, [.. items.Skip(start).Take(pageSize)], pathOf(k));
        }
    }

    /// <summary>How many older pages a list of <paramref name="count"/> items has: the newest page keeps at least one page's worth.</summary>
    public static int OlderPages(int count, int pageSize) => count >= 2 * pageSize ? count / pageSize - 1 : 0;

    /// <summary>Newer/older links of a pager, for <see cref="SitePage.Prev"/>/<see cref="SitePage.Next"/> (stable titles).</summary>
    public static (LinkModel? Prev, LinkModel? Next) Links(PagerModel pager) => (
        pager.NewerUrl is null ? null : new LinkModel("Newer papers", pager.NewerUrl),
        pager.OlderUrl is null ? null : new LinkModel("Older papers", pager.OlderUrl));
}
