using System.Globalization;
using PaperArchive.Rendering.Model;

namespace PaperArchive.Rendering.Pages;

/// <summary>
/// One page per named author (layouts <c>author</c> → <c>list</c>), newest papers first, paged by <c>page_size</c>.
/// Variables: <c>author</c> (PersonModel), <c>papers</c> (PaperModel[]), <c>pager</c> (PagerModel).
/// Two names that slug alike get distinct pages (see <see cref="SlugDirectory"/>).
/// </summary>
public sealed class AuthorPageSource : IPageSource
{
    public IEnumerable<SiteOutput> GetPages(SiteContext site)
    {
        var byAuthor = site.Archive.Papers
            .SelectMany(p => p.Authors.Select(a => (Name: a.Name.Trim(), a.HfUser, Paper: p)))
            .Where(x => x.Name.Length > 0)
            .GroupBy(x => x.Name, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in byAuthor)
        {
            var slug = site.Authors[group.Key];
            var papers = site.Newest(group.Select(x => x.Paper).DistinctBy(p => p.Id));
            var hf = group.Select(x => x.HfUser).Where(u => u is not null).Order(StringComparer.Ordinal).FirstOrDefault();
            var person = new PersonModel(group.Key, SiteUrls.Author(slug), ExternalUrl.HuggingFace(hf), papers.Length) { FeedUrl = SiteUrls.AuthorFeed(slug) };
            foreach (var page in ListPages.Paged(site, "author", "author", person, person with { PaperCount = 0 }, papers,
                         n => n <= 0 ? SiteUrls.Author(slug) : "authors/" + slug + "/page-" + n.ToString(CultureInfo.InvariantCulture) + ".html",
                         $"{papers.Length} papers by {group.Key} in the archive"))
            {
                yield return page;
            }
        }
    }
}
