using System.Text;
using PaperArchive.Common;

namespace PaperArchive.Rendering;

/// <summary>
/// Everything rendering decides before it renders a single page: the outputs every
/// <see cref="IPageSource"/> asks for (a path claimed twice is reported and skipped), the theme's
/// <see cref="AssetManifest"/>, the set of site paths <c>exists</c> answers from, and the one
/// <see cref="PageRenderer"/> all pages go through. The whole-site render
/// (<see cref="SiteRenderer.Render(SiteRenderPlan, string, IProgress{ValueTuple{int, int}}?, RenderOptions?)"/>)
/// and the single-page render (<see cref="RenderPage(string)"/>, used by <c>paperarchive serve</c> to show
/// an edit before the whole site is rebuilt) start from the same plan, so a page is the same bytes either way.
/// Thread-safe once created.
/// </summary>
public sealed class SiteRenderPlan
{
    /// <summary>How every rendered page is encoded on disk and over the wire.</summary>
    public static readonly UTF8Encoding Utf8NoBom = new(false);

    private readonly Dictionary<string, SiteOutput> _byPath;

    private SiteRenderPlan(SiteContext site, Theme theme, SitePages pages)
    {
        Site = site;
        Theme = theme;
        Outputs = pages.Outputs;
        Diagnostics = pages.Diagnostics;
        var outputs = pages.Outputs;
        _byPath = outputs.ToDictionary(o => o.Path, StringComparer.Ordinal);
        // Stylesheets and scripts get content-hashed names (see AssetManifest); `asset` links them.
        Assets = AssetManifest.From(theme);
        ServiceWorker = ServiceWorkerWriter.Template(theme);
        SitePaths = outputs.Select(o => o.Path).Concat(Assets.Entries.Select(a => a.SitePath))
            .Concat(ServiceWorker is null ? [] : [SiteUrls.ServiceWorker]).ToHashSet(StringComparer.Ordinal);
        Renderer = new PageRenderer(new ThemeTemplates(theme), site.Site, SitePaths, Assets);
    }

    public SiteContext Site { get; }

    public Theme Theme { get; }

    /// <summary>Every page and generated file, in the order of the sources.</summary>
    public IReadOnlyList<SiteOutput> Outputs { get; }

    /// <summary>Paths claimed by two sources (the second is skipped).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public AssetManifest Assets { get; }

    /// <summary>The theme's service-worker template, or null when it has none.</summary>
    public string? ServiceWorker { get; }

    /// <summary>Every path the site will have: outputs, assets (under their fingerprinted names), <c>sw.js</c>.</summary>
    public IReadOnlySet<string> SitePaths { get; }

    public PageRenderer Renderer { get; }

    public static SiteRenderPlan Create(SiteContext site, Theme theme, IReadOnlyList<IPageSource> sources) =>
        new(site, theme, CollectPages(site, sources));

    /// <summary>
    /// A plan over pages collected earlier from the same <paramref name="site"/> (they depend on the data and
    /// configuration only, never on the theme): the preview server collects them once per data version.
    /// </summary>
    internal static SiteRenderPlan Create(SiteContext site, Theme theme, SitePages pages) => new(site, theme, pages);

    /// <summary>Every source's outputs for <paramref name="site"/>; a path claimed twice is reported and the second skipped.</summary>
    internal static SitePages CollectPages(SiteContext site, IReadOnlyList<IPageSource> sources)
    {
        var diagnostics = new List<Diagnostic>();
        var outputs = new List<SiteOutput>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        // Sources only read the site, so they list their outputs in parallel; the outputs keep the sources' order.
        var lists = new List<SiteOutput>[sources.Count];
        try
        {
            Parallel.For(0, sources.Count, i => lists[i] = sources[i].GetPages(site).ToList());
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        for (var i = 0; i < sources.Count; i++)
        {
            var source = sources[i];
            foreach (var output in lists[i])
            {
                if (seen.TryGetValue(output.Path, out var other))
                {
                    diagnostics.Add(Diagnostic.Error(output.Path, null, $"written by both {other} and {source.GetType().Name}; the second is skipped"));
                    continue;
                }
                seen[output.Path] = source.GetType().Name;
                outputs.Add(output);
            }
        }
        return new SitePages(outputs, diagnostics);
    }

    /// <summary>What <see cref="CollectPages"/> found: outputs in the order of the sources, and duplicate-path errors.</summary>
    internal sealed record SitePages(IReadOnlyList<SiteOutput> Outputs, IReadOnlyList<Diagnostic> Diagnostics);

    /// <summary>The page or generated file written at <paramref name="sitePath"/> ("day/2024-06-03.html"), or null.</summary>
    public SiteOutput? Find(string sitePath) => _byPath.GetValueOrDefault(sitePath);

    /// <summary>
    /// The bytes the whole-site render writes for the HTML page at <paramref name="sitePath"/>; null when the
    /// site has no such page (generated files such as feeds do not depend on the theme). A template error
    /// throws <see cref="ThemeException"/>, its message naming the page as the whole-site render reports it.
    /// </summary>
    public byte[]? RenderPage(string sitePath) =>
        Find(sitePath) is SitePage page ? Utf8NoBom.GetBytes(Render(page, new PageDependencies())) : null;

    /// <summary>One page through the theme; the only place a page's HTML is made.</summary>
    internal string Render(SitePage page, PageDependencies dependencies)
    {
        try
        {
            return Renderer.Render(page, dependencies);
        }
        catch (ThemeException e)
        {
            throw new ThemeException(e.Diagnostic with { Message = e.Diagnostic.Message + " (rendering " + page.Path + ")" });
        }
    }
}
