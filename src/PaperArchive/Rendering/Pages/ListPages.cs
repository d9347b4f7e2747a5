using System.Globalization;
using PaperArchive.Rendering.Model;

namespace PaperArchive.Rendering.Pages;

/// <summary>
/// Helper for page kinds that are a paged list of papers about one subject (authors, organisations,
/// topics, keywords): yields one <see cref="SitePage"/> per page (<see cref="Pager"/>: the newest page, then older
/// pages numbered from the oldest) with variables <c>papers</c>, <c>pager</c> and <c>&lt;subjectName&gt;</c>, layouts
/// <c>kind</c> → <c>list</c>. Older pages get <paramref name="olderSubject"/>: the subject without what changes as the
/// list grows (counts, charts, newest dates), so they stay the same bytes until their own papers change.
/// </summary>
public static class ListPages
{
    public static IEnumerable<SitePage> Paged(SiteContext site, string kind, string subjectName, object subject, object olderSubject, IReadOnlyList<PaperModel> papers,
        Func<int, string> pathOf, string description, string? title = null)
    {
        var name = title ?? (subject is PersonModel p ? p.Name : kind);
        foreach (var (pager, items, path) in Pager.Paginate(papers, site.Config.PageSize, pathOf))
        {
            var (prev, next) = Pager.Links(pager);
            var page = pager.Page.ToString(CultureInfo.InvariantCulture);
            yield return new SitePage(path, kind, pager.Page > 0 ? $"{name} (page {page})" : name, new Dictionary<string, object?>
            {
                [subjectName] = pager.Page > 0 ? olderSubject : subject,
                ["papers"] = items,
                ["pager"] = pager,
            })
            {
                Fallbacks = ["list"],
                Description = pager.Page > 0
                    ? string.Create(CultureInfo.InvariantCulture, $"{name}, page {page}: papers {pager.First}–{pager.Last} counted from the oldest")
                    : description,
                Prev = prev,
                Next = next,
            };
        }
    }
}
