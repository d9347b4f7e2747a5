using System.Globalization;
using PaperArchive.Rendering.Model;

namespace PaperArchive.Rendering.Pages;

/// <summary>
/// One paged list per normalised keyword shared by enough papers (<c>ArchiveAnalysis.KeywordPages</c>;
/// layouts <c>keyword</c> → <c>list</c>), newest first. Variables: <c>keyword</c> (KeywordPageModel), <c>papers</c>, <c>pager</c>.
/// </summary>
public sealed class KeywordPageSource : IPageSource
{
    public IEnumerable<SiteOutput> GetPages(SiteContext site)
    {
        var papersByKeyword = site.Analysis.KeywordPages.Keys.ToDictionary(k => k, _ => new List<PaperArchive.Model.Paper>(), StringComparer.Ordinal);
        foreach (var paper in site.Archive.Papers)
        {
            foreach (var keyword in site.Analysis.For(paper.Id).Keywords)
            {
                if (papersByKeyword.TryGetValue(keyword, out var list))
                {
                    list.Add(paper);
                }
            }
        }
        foreach (var (keyword, slug) in site.Analysis.KeywordPages.OrderBy(k => k.Value, StringComparer.Ordinal))
        {
            var papers = site.Newest(papersByKeyword[keyword]);
            var model = new KeywordPageModel(keyword, SiteUrls.Keyword(slug), papers.Length);
            foreach (var page in ListPages.Paged(site, "keyword", "keyword", model, model with { PaperCount = 0 }, papers,
                         n => n <= 0 ? SiteUrls.Keyword(slug) : "keywords/" + slug + "/page-" + n.ToString(CultureInfo.InvariantCulture) + ".html",
                         $"{TopicPageSource.Papers(papers.Length)} with the keyword {keyword}", keyword))
            {
                yield return page;
            }
        }
    }
}
