using System.Text;
using PaperArchive.Model;
using PaperArchive.Rendering.Exports;
using PaperArchive.Rendering.Model;

namespace PaperArchive.Rendering.Pages;

/// <summary>
/// BibTeX (<c>.bib</c>) and RIS (<c>.ris</c>) files beside every paper, day and topic page (each page of a
/// topic: <see cref="Pager"/>) (<see cref="SiteUrls.Export"/>): the same papers in the same order as the page. Templates link
/// them through the <c>exports page.path</c> function. Keys are the site's <see cref="CitationKeys"/>.
/// </summary>
public sealed class CitationExportSource : IPageSource
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    public IEnumerable<SiteOutput> GetPages(SiteContext site)
    {
        foreach (var paper in site.AllPapers.DistinctBy(p => p.Id).OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            var path = SiteUrls.Paper(paper.Id);
            foreach (var file in Files(site, path, [site.PaperModel(paper.Id)]))
            {
                yield return file;
            }
        }
        foreach (var day in site.Days)
        {
            foreach (var file in Files(site, SiteUrls.Day(day.Date), site.ByUpvotes(day.PaperIds)))
            {
                yield return file;
            }
        }
        // Per page of the topic, like its pages: an older page's exports stay the same files as the topic grows
        // (one file of the whole topic, up to a few MB, would be rewritten each day a paper joins it).
        foreach (var (topic, _, papers) in TopicModels.All(site))
        {
            foreach (var (_, items, path) in Pager.Paginate(papers, site.Config.PageSize, n => SiteUrls.Topic(topic.Slug, n)))
            {
                foreach (var file in Files(site, path, items))
                {
                    yield return file;
                }
            }
        }
    }

    private static IEnumerable<SiteFile> Files(SiteContext site, string pagePath, IReadOnlyList<PaperModel> papers)
    {
        // Keys: what BibTexText and RisFor read (the archive paper, hashed once per build, and the site's choices for it),
        // so that a paper's similar papers or topics changing (a new day) leaves its exports alone; the BibTeX entry
        // itself is made only when the file is written.
        yield return new SiteFile(SiteUrls.Export(pagePath, "bib"), s => Write(s, BibTexText(site, papers)))
        {
            InSitemap = false,
            Key = f => f.Key("bib", papers.Select(p => new object?[] { p.CitationKey, site.FindPaper(p.Id) })),
        };
        yield return new SiteFile(SiteUrls.Export(pagePath, "ris"), s => Write(s, RisText(site, papers)))
        {
            InSitemap = false,
            Key = f => f.Key("ris", site.Config.BaseUrl, papers.Select(p => new object[] { p.CitationKey, p.Url, p.Keywords.Select(k => k.Name) }), papers.Select(p => site.FindPaper(p.Id))),
        };
    }

    /// <summary>Entries separated by a blank line, ending in a newline.</summary>
    public static string BibTexText(SiteContext site, IEnumerable<PaperModel> papers) =>
        string.Concat(papers.Select(p => p.Bibtex + "\n\n")).TrimEnd('\n') + "\n";

    public static string RisText(SiteContext site, IEnumerable<PaperModel> papers) =>
        string.Concat(papers.Select(p => RisFor(site, p)));

    public static string RisFor(SiteContext site, PaperModel model) =>
        Ris.For(site.FindPaper(model.Id)!, model.CitationKey, SiteUrls.Absolute(site.Config.BaseUrl, model.Url), model.Keywords.Select(k => k.Name));

    private static void Write(Stream stream, string text)
    {
        var bytes = Utf8NoBom.GetBytes(text);
        stream.Write(bytes);
    }
}
