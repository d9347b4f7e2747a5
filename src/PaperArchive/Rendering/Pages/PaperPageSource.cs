namespace PaperArchive.Rendering.Pages;

/// <summary>One page per paper (layout <c>paper</c>). Variables: <c>paper</c> (PaperModel).</summary>
public sealed class PaperPageSource : IPageSource
{
    public IEnumerable<SiteOutput> GetPages(SiteContext site)
    {
        foreach (var paper in site.Archive.Papers)
        {
            var model = site.PaperModel(paper.Id);
            yield return new SitePage(model.Url, "paper", model.Title, new Dictionary<string, object?> { ["paper"] = model })
            {
                Description = Truncate(model.AiSummary ?? model.Abstract ?? model.Title, 300),
            };
        }
    }

    internal static string Truncate(string text, int max)
    {
        var t = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (t.Length <= max)
        {
            return t;
        }
        var cut = t.LastIndexOf(' ', max - 1);
        return t[..(cut > max / 2 ? cut : max - 1)] + "…";
    }
}
