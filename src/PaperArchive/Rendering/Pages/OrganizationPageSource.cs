using System.Globalization;
using PaperArchive.Rendering.Model;

namespace PaperArchive.Rendering.Pages;

/// <summary>
/// One page per organisation (layouts <c>organization</c> → <c>list</c>), newest papers first, paged.
/// Variables: <c>organization</c> (PersonModel), <c>papers</c>, <c>pager</c>.
/// </summary>
public sealed class OrganizationPageSource : IPageSource
{
    public IEnumerable<SiteOutput> GetPages(SiteContext site)
    {
        var byOrg = site.Archive.Papers
            .Select(p => (Key: SiteContext.OrganizationKey(p), Paper: p))
            .Where(x => x.Key is not null)
            .GroupBy(x => x.Key!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in byOrg)
        {
            var slug = site.Organizations[group.Key];
            var papers = site.Newest(group.Select(x => x.Paper));
            // Display the name the newest paper used; fall back to the handle.
            var name = group.Select(x => x.Paper).OrderByDescending(p => p.FirstSeen ?? DateOnly.MinValue).ThenBy(p => p.Id, StringComparer.Ordinal)
                .Select(p => p.Organization?.Trim()).FirstOrDefault(n => !string.IsNullOrEmpty(n)) ?? group.Key;
            var handle = group.Select(x => x.Paper.OrganizationHandle).FirstOrDefault(h => h is not null);
            var org = new PersonModel(name, SiteUrls.Organization(slug), ExternalUrl.HuggingFace(handle), papers.Length);
            foreach (var page in ListPages.Paged(site, "organization", "organization", org, org with { PaperCount = 0 }, papers,
                         n => n <= 0 ? SiteUrls.Organization(slug) : "orgs/" + slug + "/page-" + n.ToString(CultureInfo.InvariantCulture) + ".html",
                         $"{papers.Length} papers from {name} in the archive"))
            {
                yield return page;
            }
        }
    }
}
