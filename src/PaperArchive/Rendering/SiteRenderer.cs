using System.Collections.Concurrent;
using System.Text;
using PaperArchive.Common;

namespace PaperArchive.Rendering;

/// <summary>
/// Front door of rendering: asks every <see cref="IPageSource"/> for its pages, renders them in
/// parallel (each page's content depends only on its inputs, so the output is the same whatever
/// the thread order), copies the theme's assets and writes the sitemap.
/// Writes into <paramref name="outputDir"/>, which should be empty (the builder swaps it in).
/// </summary>
public static class SiteRenderer
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    public static RenderReport Render(SiteContext site, Theme theme, IReadOnlyList<IPageSource> sources, string outputDir, IProgress<(int Done, int Total)>? progress = null)
    {
        var diagnostics = new ConcurrentBag<Diagnostic>();
        var outputs = new List<SiteOutput>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var output in source.GetPages(site))
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

        // Stylesheets and scripts get content-hashed names (see AssetManifest); `asset` links them.
        var manifest = AssetManifest.From(theme);
        var assets = manifest.Entries;
        foreach (var asset in assets)
        {
            var target = Path.Combine(outputDir, asset.SitePath);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(asset.SourcePath, target, overwrite: true);
        }
        foreach (var dir in outputs.Select(o => Path.GetDirectoryName(Path.Combine(outputDir, o.Path))!).Distinct(StringComparer.Ordinal))
        {
            Directory.CreateDirectory(dir);
        }

        var serviceWorker = ServiceWorkerWriter.Template(theme);
        var sitePaths = outputs.Select(o => o.Path).Concat(assets.Select(a => a.SitePath))
            .Concat(serviceWorker is null ? [] : [SiteUrls.ServiceWorker]).ToHashSet(StringComparer.Ordinal);
        var renderer = new PageRenderer(new ThemeTemplates(theme), site.Site, sitePaths, manifest);
        var done = 0;
        Parallel.ForEach(outputs, output =>
        {
            var file = Path.Combine(outputDir, output.Path);
            try
            {
                switch (output)
                {
                    case SitePage page:
                        var html = renderer.Render(page);
                        using (var writer = new StreamWriter(file, false, Utf8NoBom, 1 << 16))
                        {
                            writer.Write(html);
                        }
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
                diagnostics.Add(e.Diagnostic with { Message = e.Diagnostic.Message + " (rendering " + output.Path + ")" });
            }
            progress?.Report((Interlocked.Increment(ref done), outputs.Count));
        });

        var sitemapPaths = outputs.Where(o => o is SitePage && o.InSitemap).Select(o => o.Path).ToList();
        var lastDay = site.Days.Count > 0 ? site.Days[^1].Date : (DateOnly?)null;
        var sitemaps = SitemapWriter.Write(outputDir, site.Config.BaseUrl, sitemapPaths, lastDay);
        var workers = serviceWorker is null ? [] : ServiceWorkerWriter.Write(outputDir, serviceWorker, site, manifest, theme);

        var paths = outputs.Select(o => o.Path)
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
        return new RenderReport(outputs.Count(o => o is SitePage), paths.Count, paths, distinct);
    }
}
