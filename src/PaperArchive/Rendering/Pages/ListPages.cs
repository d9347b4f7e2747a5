using PaperArchive.Rendering.Model;

namespace PaperArchive.Rendering.Pages;

/// <summary>
/// Helper for page kinds that are a paged list of papers about one subject (authors, organisations,
/// topics, keywords): yields one <see cref="SitePage"/> per page with variables <c>papers</c>,
/// <c>pager</c> and <c>&lt;subjectName&gt;</c>, layouts <c>kind</c> → <c>list</c>.
/// </summary>
public static class ListPages
{
    public static IEnumerable<SitePage> Paged(SiteContext site, string kind, string subjectName, object subject, IReadOnlyList<PaperModel> papers, Func<int, string> pathOf, string? title = null)
    {
        var name = title ?? (subject is PersonModel p ? p.Name : kind);
        foreach (var (pager, items, path) in Pager.Paginate(papers, site.Config.PageSize, pathOf))
        {
            var (prev, next) = Pager.Links(pager);
            yield return new SitePage(path, kind, pager.Page > 1 ? $"{name} (page {pager.Page})" : name, new Dictionary<string, object?>
            {
                [subjectName] = subject,
                ["papers"] = items,
                ["pager"] = pager,
            })
            {
                Fallbacks = ["list"],
                Prev = prev,
                Next = next,
            };
        }
    }
}
