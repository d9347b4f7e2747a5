using System.Collections.Concurrent;
using PaperArchive.Common;
using PaperArchive.Rendering;

namespace PaperArchive.Serve;

/// <summary>
/// A theme edit shown before the full build has written it: HTML pages rendered in memory from a
/// <see cref="SiteRenderPlan"/> (the plan the build renders from, so the same bytes), and the theme's
/// assets under their new fingerprinted names, read from the theme (site path → source file). The
/// pages readers have open are rendered first (<see cref="Prerender"/>); any other page is rendered
/// when it is first asked for, then kept. Everything else (feeds, search index, sw.js) does not depend
/// on an edited template and comes from the site on disk. Thread-safe.
/// </summary>
public sealed class PreviewOverlay
{
    private readonly SiteRenderPlan _plan;
    private readonly Dictionary<string, string> _assets;
    private readonly ConcurrentDictionary<string, Lazy<byte[]?>> _pages = new(StringComparer.Ordinal);

    /// <param name="plan">what the build renders from now</param>
    /// <param name="siteBuild">the number pages served from this overlay carry (see <see cref="BuildStatus.SiteBuild"/>)</param>
    /// <param name="generation">the server's change count when the theme was read: a build started at the same count read the same files</param>
    public PreviewOverlay(SiteRenderPlan plan, int siteBuild, long generation)
    {
        _plan = plan;
        SiteBuild = siteBuild;
        Generation = generation;
        _assets = plan.Assets.Entries.ToDictionary(e => e.SitePath, e => e.SourcePath, StringComparer.Ordinal);
    }

    public int SiteBuild { get; }

    public long Generation { get; }

    /// <summary>Pages rendered so far (site paths, ordinal order).</summary>
    public IReadOnlyList<string> RenderedPages => _pages.Where(kv => kv.Value.IsValueCreated && kv.Value.Value is not null)
        .Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();

    /// <summary>The site path a request names: a folder means its <c>index.html</c>.</summary>
    public static string SitePath(IReadOnlyList<string> segments, bool trailingSlash)
    {
        var path = string.Join('/', segments);
        return path.Length == 0 ? "index.html" : trailingSlash ? path + "/index.html" : path;
    }

    /// <summary>Whether <paramref name="sitePath"/> is served from the overlay (an HTML page of the plan, or a theme asset).</summary>
    public bool Covers(string sitePath) => _assets.ContainsKey(sitePath) || _plan.Find(sitePath) is SitePage;

    /// <summary>
    /// The bytes to serve for <paramref name="sitePath"/>, or null when the overlay does not cover it
    /// (the site on disk answers). A template error throws <see cref="ThemeException"/> (file, line, page).
    /// </summary>
    public byte[]? Get(string sitePath)
    {
        if (_assets.TryGetValue(sitePath, out var source))
        {
            // Read as it is now: a newer edit of the asset starts a new preview (and a new name) anyway.
            return File.ReadAllBytes(source);
        }
        return _plan.Find(sitePath) is SitePage ? _pages.GetOrAdd(sitePath, p => new Lazy<byte[]?>(() => _plan.RenderPage(p))).Value : null;
    }

    /// <summary>Renders the pages readers have open (in parallel); returns each distinct template error once.</summary>
    public IReadOnlyList<Diagnostic> Prerender(IEnumerable<string> sitePaths)
    {
        var errors = new ConcurrentBag<Diagnostic>();
        Parallel.ForEach(sitePaths.Where(p => _plan.Find(p) is SitePage).Distinct(StringComparer.Ordinal), path =>
        {
            try
            {
                Get(path);
            }
            catch (ThemeException e)
            {
                errors.Add(e.Diagnostic);
            }
        });
        return errors
            .GroupBy(d => (d.File, d.Location, d.Message.Split(" (rendering ")[0]))
            .Select(g => g.OrderBy(d => d.Message, StringComparer.Ordinal).First())
            .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Location, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// True when the site in <paramref name="siteDir"/> shows exactly what this overlay served: every page
    /// rendered here is byte-identical on disk and every asset name exists there. Then the build that
    /// published it needs no reload.
    /// </summary>
    public bool SameAs(string siteDir)
    {
        try
        {
            foreach (var (path, page) in _pages)
            {
                if (!page.IsValueCreated)
                {
                    return false;
                }
                var bytes = page.Value;
                if (bytes is null || !File.ReadAllBytes(Path.Combine(siteDir, path)).AsSpan().SequenceEqual(bytes))
                {
                    return false;
                }
            }
            return _assets.Keys.All(a => File.Exists(Path.Combine(siteDir, a)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ThemeException)
        {
            return false;
        }
    }
}
