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
        foreach (var (name, entries) in SiteContext.ByAuthor(site.Archive.Papers))
        {
            var slug = site.Authors[name];
            var papers = site.Newest(SiteContext.DistinctById(entries));
            string? hf = null;
            foreach (var (_, user) in entries)
            {
                if (user is not null && (hf is null || string.CompareOrdinal(user, hf) < 0))
                {
                    hf = user;
                }
            }
            var person = new PersonModel(name, SiteUrls.Author(slug), ExternalUrl.HuggingFace(hf), papers.Length) { FeedUrl = SiteUrls.AuthorFeed(slug) };
            foreach (var page in ListPages.Paged(site, "author", "author", person, person with { PaperCount = 0 }, papers,
                         n => n <= 0 ? SiteUrls.Author(slug) : "authors/" + slug + "/page-" + n.ToString(CultureInfo.InvariantCulture) + ".html",
                         $"{papers.Length} papers by {name} in the archive"))
            {
                yield return page;
            }
        }
    }
}
