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

    private readonly Dictionary<string, SiteOutput>? _byPath;
    private readonly IReadOnlyList<SiteOutput>? _outputs;
    private readonly OutputIndex? _index;

    private SiteRenderPlan(SiteContext site, Theme theme, SitePages pages)
        : this(site, theme, pages.Diagnostics, pages.Outputs.Select(o => o.Path))
    {
        _outputs = pages.Outputs;
        _byPath = pages.Outputs.ToDictionary(o => o.Path, StringComparer.Ordinal);
        OutputPaths = [.. pages.Outputs.Select(o => o.Path)];
        PageCount = pages.Outputs.Count(o => o is SitePage);
        SitemapPaths = [.. pages.Outputs.Where(o => o is SitePage && o.InSitemap).Select(o => o.Path)];
    }

    private SiteRenderPlan(SiteContext site, Theme theme, OutputIndex index)
        : this(site, theme, index.Diagnostics, index.Paths)
    {
        _index = index;
        OutputPaths = index.Paths;
        PageCount = index.PageCount;
        SitemapPaths = index.SitemapPaths;
    }

    private SiteRenderPlan(SiteContext site, Theme theme, IReadOnlyList<Diagnostic> diagnostics, IEnumerable<string> outputPaths)
    {
        Site = site;
        Theme = theme;
        Diagnostics = diagnostics;
        // Stylesheets and scripts get content-hashed names (see AssetManifest); `asset` links them.
        Assets = AssetManifest.From(theme);
        ServiceWorker = ServiceWorkerWriter.Template(theme);
        SitePaths = outputPaths.Concat(Assets.Entries.Select(a => a.SitePath))
            .Concat(ServiceWorker is null ? [] : [SiteUrls.ServiceWorker]).ToHashSet(StringComparer.Ordinal);
        Renderer = new PageRenderer(new ThemeTemplates(theme), site.Site, SitePaths, Assets);
        OutputPaths = [];
        SitemapPaths = [];
    }

    public SiteContext Site { get; }

    public Theme Theme { get; }

    /// <summary>Every page and generated file, in the order of the sources; not available from a streamed plan (<see cref="CreateStreamed"/>).</summary>
    public IReadOnlyList<SiteOutput> Outputs => _outputs ?? throw new InvalidOperationException("a streamed plan lists its outputs while it renders (EnumerateOutputs)");

    /// <summary>The path of every output, in the order of the sources.</summary>
    public IReadOnlyList<string> OutputPaths { get; }

    /// <summary>How many outputs are pages (<see cref="SitePage"/>).</summary>
    public int PageCount { get; }

    /// <summary>Pages listed in the sitemap, in the order of the sources.</summary>
    public IReadOnlyList<string> SitemapPaths { get; }

    /// <summary>
    /// Every output, in the order of the sources. A streamed plan asks the sources again, lazily: only the outputs being
    /// rendered are in memory (a 100,000-paper site has 650,000 outputs holding their template data).
    /// </summary>
    public IEnumerable<SiteOutput> EnumerateOutputs() => _outputs ?? _index!.Enumerate(Site);

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
    /// A plan that keeps only the paths of the outputs (and which source claimed each) and asks the sources for the
    /// outputs again while the site renders (<see cref="EnumerateOutputs"/>), so their template data are never all in
    /// memory at once. Sources are pure functions of the site, so the second listing is the first one again (checked:
    /// a source listing other paths the second time is an error). The same bytes as <see cref="Create(SiteContext, Theme, IReadOnlyList{IPageSource})"/>;
    /// <see cref="Outputs"/> and <see cref="Find"/> are not available.
    /// </summary>
    public static SiteRenderPlan CreateStreamed(SiteContext site, Theme theme, IReadOnlyList<IPageSource> sources) =>
        new(site, theme, OutputIndex.Collect(site, sources));

    /// <summary>
    /// A plan over pages collected earlier from the same <paramref name="site"/> (they depend on the data and
    /// configuration only, never on the theme): the preview server collects them once per data version.
    /// </summary>
    internal static SiteRenderPlan Create(SiteContext site, Theme theme, SitePages pages) => new(site, theme, pages);

    /// <summary>Every source's outputs for <paramref name="site"/>; a path claimed twice is reported and the second skipped.</summary>
    internal static SitePages CollectPages(SiteContext site, IReadOnlyList<IPageSource> sources)
    {
        var outputs = new List<SiteOutput>();
        var diagnostics = Claim(sources, ListAll(site, sources, o => o), o => o.Path, new Dictionary<string, (int, int)>(StringComparer.Ordinal), (_, o) => outputs.Add(o));
        return new SitePages(outputs, diagnostics);
    }

    /// <summary>
    /// What each source lists (<paramref name="note"/> of each output). Sources only read the site, so they list in
    /// parallel; each list keeps its source's order.
    /// </summary>
    private static List<T>[] ListAll<T>(SiteContext site, IReadOnlyList<IPageSource> sources, Func<SiteOutput, T> note)
    {
        var lists = new List<T>[sources.Count];
        try
        {
            Parallel.For(0, sources.Count, i => lists[i] = [.. sources[i].GetPages(site).Select(note)]);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return lists;
    }

    /// <summary>
    /// Goes through the lists in source order: the first claim of a path wins (<paramref name="owner"/>: path → source and
    /// position in its list; <paramref name="claimed"/> is told of it), a second is reported and skipped.
    /// </summary>
    private static List<Diagnostic> Claim<T>(IReadOnlyList<IPageSource> sources, List<T>[] lists, Func<T, string> pathOf, Dictionary<string, (int Source, int Ordinal)> owner, Action<int, T> claimed)
    {
        var diagnostics = new List<Diagnostic>();
        for (var i = 0; i < sources.Count; i++)
        {
            for (var k = 0; k < lists[i].Count; k++)
            {
                var path = pathOf(lists[i][k]);
                if (owner.TryGetValue(path, out var other))
                {
                    diagnostics.Add(Diagnostic.Error(path, null, $"written by both {sources[other.Source].GetType().Name} and {sources[i].GetType().Name}; the second is skipped"));
                    continue;
                }
                owner[path] = (i, k);
                claimed(i, lists[i][k]);
            }
        }
        return diagnostics;
    }

    /// <summary>What <see cref="CollectPages"/> found: outputs in the order of the sources, and duplicate-path errors.</summary>
    internal sealed record SitePages(IReadOnlyList<SiteOutput> Outputs, IReadOnlyList<Diagnostic> Diagnostics);

    /// <summary>The page or generated file written at <paramref name="sitePath"/> ("day/2024-06-03.html"), or null.</summary>
    public SiteOutput? Find(string sitePath) =>
        (_byPath ?? throw new InvalidOperationException("a streamed plan does not keep its outputs")).GetValueOrDefault(sitePath);

    /// <summary>
    /// What a streamed plan keeps of the sources' outputs: each path, whether it is a page and in the sitemap, and which
    /// output of which source claimed it (a path claimed twice is reported and the second skipped, as <see cref="CollectPages"/> does).
    /// </summary>
    private sealed class OutputIndex
    {
        private readonly IReadOnlyList<IPageSource> _sources;
        // Path → (source, position in that source's listing) of the output that claimed it.
        private readonly Dictionary<string, (int Source, int Ordinal)> _owner;
        private readonly int[] _counts;

        private OutputIndex(IReadOnlyList<IPageSource> sources, Dictionary<string, (int, int)> owner, int[] counts, List<string> paths, int pageCount, List<string> sitemap, List<Diagnostic> diagnostics)
        {
            (_sources, _owner, _counts, Paths, PageCount, SitemapPaths, Diagnostics) = (sources, owner, counts, paths, pageCount, sitemap, diagnostics);
        }

        public IReadOnlyList<string> Paths { get; }

        public int PageCount { get; }

        public IReadOnlyList<string> SitemapPaths { get; }

        public IReadOnlyList<Diagnostic> Diagnostics { get; }

        public static OutputIndex Collect(SiteContext site, IReadOnlyList<IPageSource> sources)
        {
            // Each output is dropped as soon as its path and kind are noted.
            var lists = ListAll(site, sources, o => (o.Path, Page: o is SitePage, Sitemap: o is SitePage && o.InSitemap));
            var total = lists.Sum(l => l.Count);
            var owner = new Dictionary<string, (int, int)>(total, StringComparer.Ordinal);
            var counts = new int[sources.Count];
            var paths = new List<string>(total);
            var sitemap = new List<string>();
            var pages = 0;
            var diagnostics = Claim(sources, lists, o => o.Path, owner, (i, o) =>
            {
                counts[i]++;
                paths.Add(o.Path);
                pages += o.Page ? 1 : 0;
                if (o.Sitemap)
                {
                    sitemap.Add(o.Path);
                }
            });
            return new OutputIndex(sources, owner, counts, paths, pages, sitemap, diagnostics);
        }

        public IEnumerable<SiteOutput> Enumerate(SiteContext site)
        {
            for (var i = 0; i < _sources.Count; i++)
            {
                var (ordinal, yielded) = (0, 0);
                foreach (var output in _sources[i].GetPages(site))
                {
                    if (_owner.TryGetValue(output.Path, out var claimed) && claimed == (i, ordinal))
                    {
                        yielded++;
                        yield return output;
                    }
                    ordinal++;
                }
                if (yielded != _counts[i])
                {
                    throw new InvalidOperationException($"{_sources[i].GetType().Name} listed other outputs the second time it was asked ({yielded} of its {_counts[i]}); page sources must depend on the site only");
                }
            }
        }
    }

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
