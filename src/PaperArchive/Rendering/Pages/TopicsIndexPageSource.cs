using PaperArchive.Rendering.Model;

namespace PaperArchive.Rendering.Pages;

/// <summary>The topics index (layout <c>topics</c>): every topic in rule order with its count and chart. Variable: <c>topics</c> (TopicModel[]).</summary>
public sealed class TopicsIndexPageSource : IPageSource
{
    public IEnumerable<SiteOutput> GetPages(SiteContext site)
    {
        if (site.Analysis.Topics.Count == 0)
        {
            yield break;
        }
        var topics = TopicModels.All(site).Select(t => t.Model).ToArray();
        yield return new SitePage(SiteUrls.TopicsIndex, "topics", "Topics", new Dictionary<string, object?> { ["topics"] = topics })
        {
            Description = $"{topics.Length} topics of the archive, with the number of papers in each",
        };
    }
}
