using PaperArchive.Rendering;
using PaperArchive.Rendering.Pages;

namespace PaperArchive.Tests.Rendering;

/// <summary>
/// Stands in for the topics stage's page kinds (topic and keyword pages) so links from paper pages
/// resolve in tests — and shows the pattern: one class, added to the list of sources.
/// </summary>
public sealed class TopicStubSource : IPageSource
{
    public IEnumerable<SiteOutput> GetPages(SiteContext site)
    {
        foreach (var topic in site.Analysis.Topics)
        {
            var papers = site.ByUpvotes(site.Analysis.ByPaper.Values.Where(a => a.TopicSlugs.Contains(topic.Slug)).Select(a => a.PaperId));
            foreach (var page in ListPages.Paged(site, "topic", "topic", topic.Title, papers, n => SiteUrls.Topic(topic.Slug, n), topic.Title))
            {
                yield return page;
            }
        }
        foreach (var (keyword, slug) in site.Analysis.KeywordPages.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            var papers = site.ByUpvotes(site.Analysis.ByPaper.Values.Where(a => a.Keywords.Contains(keyword)).Select(a => a.PaperId));
            yield return new SitePage(SiteUrls.Keyword(slug), "keyword", keyword, new Dictionary<string, object?> { ["papers"] = papers }) { Fallbacks = ["list"] };
        }
    }
}
