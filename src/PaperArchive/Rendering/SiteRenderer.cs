using System.Collections.Concurrent;
using PaperArchive.Common;

namespace PaperArchive.Rendering;

/// <summary>
/// Front door of rendering: asks every <see cref="IPageSource"/> for its pages, renders them in
/// parallel (each page's content depends only on its inputs, so the output is the same whatever
/// the thread order), copies the theme's assets and writes the sitemap.
/// Writes into <c>outputDir</c>, which should be empty (the builder swaps it in). Everything decided before
/// rendering (outputs, assets, site paths, the page renderer) is a <see cref="SiteRenderPlan"/>, which also
/// renders one page in memory for the preview server.
/// </summary>
public static class SiteRenderer
{
    /// <summary>Outputs between two calls of <see cref="RenderOptions.Checkpoint"/>.</summary>
    public const int CheckpointEvery = 4096;

    /// <summary>The set-up shared by the whole-site and the single-page render (see <see cref="SiteRenderPlan"/>).</summary>
    public static SiteRenderPlan Plan(SiteContext site, Theme theme, IReadOnlyList<IPageSource> sources) => SiteRenderPlan.Create(site, theme, sources);

    public static RenderReport Render(SiteContext site, Theme theme, IReadOnlyList<IPageSource> sources, string outputDir, IProgress<(int Done, int Total)>? progress = null) =>
        Render(site, theme, sources, outputDir, progress, null);

    /// <summary>
    /// Renders every page; with <paramref name="options"/>, a page the last build rendered from the same
    /// inputs is linked from <see cref="RenderOptions.PreviousSite"/> instead (the output is the same
    /// bytes either way). The report carries the new <see cref="RenderManifest"/>.
    /// </summary>
    public static RenderReport Render(SiteContext site, Theme theme, IReadOnlyList<IPageSource> sources, string outputDir, IProgress<(int Done, int Total)>? progress, RenderOptions? options) =>
        Render(Plan(site, theme, sources), outputDir, progress, options);

    /// <summary>
    /// Renders every output of <paramref name="plan"/> into <paramref name="outputDir"/>. The same plan renders a
    /// single page in memory (<see cref="SiteRenderPlan.RenderPage"/>): the preview server shows an edit from it
    /// before the whole site is written, with the same bytes.
    /// </summary>
    public static RenderReport Render(SiteRenderPlan plan, string outputDir, IProgress<(int Done, int Total)>? progress, RenderOptions? options)
    {
        var (site, theme, assetManifest) = (plan.Site, plan.Theme, plan.Assets);
        var outputCount = plan.OutputPaths.Count;
        var diagnostics = new ConcurrentBag<Diagnostic>(plan.Diagnostics);
        var assets = assetManifest.Entries;
        var files = options?.Files;
        var inPlace = files?.PublishedSite is not null;
        foreach (var asset in assets)
        {
            if (files is not null)
            {
                files.Write(asset.SitePath, File.ReadAllBytes(asset.SourcePath));
                continue;
            }
            var target = Path.Combine(outputDir, asset.SitePath);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(asset.SourcePath, target, overwrite: true);
        }
        foreach (var dir in plan.OutputPaths.Select(p => Path.GetDirectoryName(p)!).Distinct(StringComparer.Ordinal))
        {
            Directory.CreateDirectory(Path.Combine(outputDir, dir));
        }

        var serviceWorker = plan.ServiceWorker;
        var sitePaths = plan.SitePaths;
        var fingerprint = new PageFingerprint();
        var siteMembers = SiteMemberHashes(site.Site, fingerprint);
        var themeHashes = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        string ThemeHash(string full) => themeHashes.GetOrAdd(full, f => PageFingerprint.Hash(File.ReadAllBytes(f)));
        var previous = options?.Previous is { } p && p.Global == options.Global && options.PreviousSite is not null ? p : null;
        var pages = new ConcurrentDictionary<string, RenderedPage>(StringComparer.Ordinal);

        // By the identity of the two collections (a page's reads are shared with its kind; neither type overrides Equals).
        var sameReads = new ConcurrentDictionary<(object SiteMembers, object ThemeFiles), bool>();
        // A page is reused when the last build rendered it from the same data, and everything it read
        // then (site members, theme files, exists answers) would read the same now.
        bool Unchanged(SitePage page, string data, out RenderedPage? old)
        {
            old = null;
            if (previous is null || !previous.Pages.TryGetValue(page.Path, out var was) || was.Data != data)
            {
                return false;
            }
            old = was;
            // Pages of a kind share their site members and theme files (RenderManifest stores them once): check each set once.
            return sameReads.GetOrAdd((was.SiteMembers, was.ThemeFiles), _ => SameReads(was)) && (was.Exists is null || was.Exists.All(e => sitePaths.Contains(e.Key) == e.Value));
        }
        bool SameReads(RenderedPage was)
        {
            foreach (var member in was.SiteMembers)
            {
                if (!previous.SiteMembers.TryGetValue(member, out var before) || !siteMembers.TryGetValue(member, out var now) || before != now)
                {
                    return false;
                }
            }
            foreach (var (rel, full) in was.ThemeFiles)
            {
                if (theme.Find(rel) != full || (full is not null && (!previous.ThemeFiles.TryGetValue(full, out var before) || before != ThemeHash(full))))
                {
                    return false;
                }
            }
            return true;
        }
        // What pages read, besides their exists answers, shared between the pages that read the same (memory: one set per kind, not per page).
        var shared = new ConcurrentDictionary<string, RenderedPage>(StringComparer.Ordinal);
        RenderedPage Shared(PageDependencies read) => shared.GetOrAdd(
            string.Join('\u0001', read.SiteMembers) + "\u0002" + string.Join('\u0001', read.ThemeFiles.Select(kv => kv.Key + "\u0003" + kv.Value)) + "\u0002" + string.Join('\u0001', read.PaperMembers),
            _ => new RenderedPage("", [.. read.SiteMembers], new SortedDictionary<string, string?>(read.ThemeFiles, StringComparer.Ordinal), null)
            {
                PaperMembers = [.. read.PaperMembers],
            });

        // A path asked about by many pages is kept once: the site's own string for it when the site has it.
        string Canonical(string path) => sitePaths is HashSet<string> set && set.TryGetValue(path, out var same) ? same : path;
        var fileKeys = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var done = 0;
        var rendered = 0;
        // One worker per core: more only time-slice the same cores, and an unbounded loop takes every thread
        // the pool adds, which starves whatever else the process does meanwhile (the preview server's requests).
        // A streamed plan lists the outputs as they are taken (see SiteRenderPlan.CreateStreamed): only those in flight are in memory.
        var trace = RenderTrace.Enabled ? new RenderTrace() : null;
        Parallel.ForEach(trace is null ? plan.EnumerateOutputs() : trace.Listing(plan.EnumerateOutputs()), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = options?.Cancellation ?? default }, output =>
        {
            var file = Path.Combine(outputDir, output.Path);
            try
            {
                switch (output)
                {
                    case SitePage page:
                        // Hashed by the paper members the page read when it was last rendered (see PageFingerprint).
                        var before = previous is not null && previous.Pages.TryGetValue(page.Path, out var last) ? last.PaperMembers : null;
                        var t0 = trace?.Now();
                        var data = fingerprint.Of(page, before, shared: true);
                        trace?.Add(RenderTrace.Fingerprint, t0);
                        t0 = trace?.Now();
                        if (Unchanged(page, data, out var old) && (inPlace ? files!.IsPublished(output.Path) : TryReuse(Path.Combine(options!.PreviousSite!, output.Path), file)))
                        {
                            pages[page.Path] = old!;
                            trace?.Add(RenderTrace.Kept, t0);
                            break;
                        }
                        trace?.Add(RenderTrace.Kept, t0);
                        t0 = trace?.Now();
                        var dependencies = new PageDependencies();
                        var html = plan.Render(page, dependencies);
                        trace?.Add(RenderTrace.Rendered, t0);
                        t0 = trace?.Now();
                        if (before is null || !before.SequenceEqual(dependencies.PaperMembers, StringComparer.Ordinal))
                        {
                            data = fingerprint.Of(page, dependencies.PaperMembers);
                        }
                        Common.FileBytes.WriteUtf8(file, html);
                        Interlocked.Increment(ref rendered);
                        options?.Inspect?.Invoke(page, html);
                        foreach (var full in dependencies.ThemeFiles.Values.OfType<string>())
                        {
                            ThemeHash(full);
                        }
                        pages[page.Path] = Shared(dependencies) with
                        {
                            Data = data,
                            Exists = dependencies.Exists.Count == 0 ? null : ExistsAnswers.From(dependencies.Exists, Canonical),
                        };
                        trace?.Add(RenderTrace.Written, t0);
                        break;
                    case SiteFile generated when files is not null:
                        // Keyed: a file generated from the same values as the published one is kept without generating it.
                        var tk = trace?.Now();
                        var key = generated.Key is null ? null : KeyOf(generated, fingerprint);
                        trace?.Add(RenderTrace.FileKey, tk);
                        if (key is not null)
                        {
                            fileKeys[generated.Path] = key;
                            if (inPlace && previous is not null && previous.FileKeys.TryGetValue(generated.Path, out var was) && was == key && files.Keep(generated.Path))
                            {
                                break;
                            }
                        }
                        tk = trace?.Now();
                        files.Write(generated.Path, generated.Write);
                        trace?.Add(RenderTrace.FileWritten, tk);
                        break;
                    case SiteFile generated:
                        using (var stream = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                        {
                            generated.Write(stream);
                        }
                        break;
                }
            }
            catch (ThemeException e)
            {
                // Already names the page (" (rendering day/….html)"), as the single-page render does.
                diagnostics.Add(e.Diagnostic);
            }
            var n = Interlocked.Increment(ref done);
            if (n % CheckpointEvery == 0)
            {
                options?.Checkpoint?.Invoke();
            }
            // Reporting every page costs more than some pages do; a few hundred updates are plenty for a bar.
            if (n == outputCount || n % 64 == 0)
            {
                progress?.Report((n, outputCount));
            }
        });
        trace?.Print();
        files?.ForgetListings();
        // Cached partials (include_cached) serve this loop only: the build's later steps get their memory back.
        plan.Renderer.ReleasePartialCache();
        var manifest = new RenderManifest(RenderManifest.CurrentFormat, options?.Global ?? "", siteMembers,
            pages.Values.SelectMany(pg => pg.ThemeFiles.Values).OfType<string>().Distinct(StringComparer.Ordinal).ToDictionary(f => f, ThemeHash, StringComparer.Ordinal),
            pages)
        {
            FileKeys = new SortedDictionary<string, string>(fileKeys, StringComparer.Ordinal),
        };

        var sitemapPaths = plan.SitemapPaths;
        var lastDay = site.Days.Count > 0 ? site.Days[^1].Date : (DateOnly?)null;
        var sitemaps = SitemapWriter.Write(outputDir, site.Config.BaseUrl, sitemapPaths, lastDay);
        var workers = serviceWorker is null ? [] : ServiceWorkerWriter.Write(outputDir, serviceWorker, site, assetManifest, theme, sitePaths);
        foreach (var written in sitemaps.Concat(workers))
        {
            files?.Adopt(written);
        }

        var paths = plan.OutputPaths
            .Concat(assets.Select(a => a.SitePath))
            .Concat(sitemaps)
            .Concat(workers)
            .Order(StringComparer.Ordinal)
            .ToList();
        // Theme errors repeat once per page; report each distinct one once, in a stable order.
        var distinct = diagnostics
            .GroupBy(d => (d.File, d.Location, d.Message.Split(" (rendering ")[0]))
            .Select(g => g.OrderBy(d => d.Message, StringComparer.Ordinal).First())
            .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Location, StringComparer.Ordinal)
            .ToList();
        return new RenderReport(plan.PageCount, paths.Count, paths, distinct)
        {
            Rendered = rendered,
            Manifest = manifest,
        };
    }

    /// <summary>Hash of each <c>site</c> member's value, by its template name.</summary>
    private static Dictionary<string, string> SiteMemberHashes(Model.SiteModel site, PageFingerprint fingerprint) =>
        typeof(Model.SiteModel).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            .ToDictionary(p => Scriban.Runtime.StandardMemberRenamer.Rename(p.Name), p => fingerprint.OfValue(p.GetValue(site)), StringComparer.Ordinal);

    /// <summary>The file's key, or null (generated and compared by its bytes) when its values cannot be hashed.</summary>
    private static string? KeyOf(SiteFile file, PageFingerprint fingerprint)
    {
        try
        {
            return file.Key!(fingerprint);
        }
        catch (Exception e) when (e is NotSupportedException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static bool TryReuse(string previous, string file)
    {
        try
        {
            Common.HardLink.CreateOrCopy(previous, file);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Gone or unreadable: render it again.
            return false;
        }
    }
}
