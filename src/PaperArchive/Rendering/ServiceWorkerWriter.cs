using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PaperArchive.Rendering;

/// <summary>
/// Writes <c>sw.js</c> at the site root (a service worker's scope is its folder, so it must live
/// there) from the theme's <c>sw/service-worker.js</c>, prefixed with what only the build knows:
/// <c>PA_VERSION</c>, the build id the cache is named after, and <c>PA_PRECACHE</c>, the pages and
/// fingerprinted assets to keep from the first visit. A theme without that file gets no service worker.
/// <para>The build id is a hash of the asset manifest's version (the same content hashes as the asset
/// file names), the theme's templates and a summary of the archive (papers, titles, counts, days), so
/// any deploy that changes a page changes <c>sw.js</c>; the browser then installs the new worker and
/// it deletes the old build's cache.</para>
/// </summary>
public static class ServiceWorkerWriter
{
    public const string TemplatePath = "sw/service-worker.js";

    /// <summary>The theme's service-worker script, or null when the theme has none.</summary>
    public static string? Template(Theme theme) => theme.Find(TemplatePath);

    /// <param name="sitePaths">The site's files (default: what is in <paramref name="outputDir"/>; a build that updates the site in place passes the whole list).</param>
    public static IReadOnlyList<string> Write(string outputDir, string templatePath, SiteContext site, AssetManifest assets, Theme theme, IReadOnlySet<string>? sitePaths = null)
    {
        var precache = new List<string> { SiteUrls.Home, SiteUrls.Search, SiteUrls.NotFound };
        precache.AddRange(new[] { SiteUrls.ReadingList, SiteUrls.ForYou }.Where(p => sitePaths?.Contains(p) ?? File.Exists(Path.Combine(outputDir, p))));
        precache.AddRange(assets.Entries.Where(e => AssetManifest.Fingerprinted(e.LogicalPath)).Select(e => e.SitePath));
        var header = new StringBuilder()
            .Append("/* Written by paperarchive build: the cache version (build id) and what to keep from the first visit. */\n")
            .Append("var PA_VERSION = ").Append(JsonSerializer.Serialize(BuildId(site, assets, theme))).Append(";\n")
            .Append("var PA_PRECACHE = ").Append(JsonSerializer.Serialize(precache)).Append(";\n");
        var text = header + File.ReadAllText(templatePath).Replace("\r\n", "\n", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(outputDir, SiteUrls.ServiceWorker), text, new UTF8Encoding(false));
        return [SiteUrls.ServiceWorker];
    }

    /// <summary>12 hex digits identifying this build's output (see the class summary). Deterministic.</summary>
    public static string BuildId(SiteContext site, AssetManifest assets, Theme theme)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string s) => sha.AppendData(Encoding.UTF8.GetBytes(s + "\n"));
        Add(assets.Version);
        Add(site.Config.Title + "\n" + site.Config.BaseUrl + "\n" + site.Config.Description);
        foreach (var root in theme.Roots)
        {
            foreach (var sub in new[] { "layouts", "partials", "sw" })
            {
                var dir = Path.Combine(root, sub);
                if (!Directory.Exists(dir))
                {
                    continue;
                }
                foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
                    sha.AppendData(SHA256.HashData(File.ReadAllBytes(file)));
                }
            }
        }
        foreach (var p in site.AllPapers.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            Add(p.Id + "\t" + p.Title + "\t" + (p.Abstract?.Length ?? 0).ToString(CultureInfo.InvariantCulture) + "\t" + p.Authors.Count.ToString(CultureInfo.InvariantCulture)
                + "\t" + string.Join(",", p.ListedOn.Select(Iso)) + "\t" + string.Join(",", p.Snapshots.Select(s => Iso(s.Date) + ":" + Num(s.Upvotes) + ":" + Num(s.Comments))));
        }
        foreach (var d in site.Days)
        {
            Add(Iso(d.Date) + "\t" + string.Join(",", d.PaperIds));
        }
        foreach (var t in site.Analysis.Topics)
        {
            Add(t.Slug + "\t" + t.Title);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..12];
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Num(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "-";
}
