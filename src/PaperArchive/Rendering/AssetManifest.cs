using System.Security.Cryptography;
using System.Text;

namespace PaperArchive.Rendering;

/// <summary>
/// Where each theme asset lands in the site. Stylesheets and scripts (<c>.css</c>, <c>.js</c>) get a
/// content hash in their file name (<c>css/site.css</c> → <c>assets/css/site.1a2b3c4d5e.css</c>), so a
/// browser or service worker may cache them forever and a changed file always has a new URL. Other
/// assets (images, fonts) keep their names: stylesheets refer to them by relative URL.
/// The hash is the first 10 hex digits of the file's SHA-256: deterministic for the same bytes.
/// </summary>
public sealed class AssetManifest
{
    private readonly Dictionary<string, Entry> _entries;

    private AssetManifest(Dictionary<string, Entry> entries, string version)
    {
        _entries = entries;
        Version = version;
    }

    /// <summary>Hash over every asset's name and content hash: changes when any asset changes.</summary>
    public string Version { get; }

    /// <summary>Logical path ("css/site.css") → entry, ordinal order.</summary>
    public IReadOnlyList<Entry> Entries => _entries.Values.OrderBy(e => e.LogicalPath, StringComparer.Ordinal).ToList();

    public static AssetManifest From(Theme theme)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        using var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (rel, full) in theme.Assets())
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(full)))[..10];
            entries[rel] = new Entry(rel, SiteUrls.Asset(Fingerprinted(rel) ? WithHash(rel, hash) : rel), full, hash);
            all.AppendData(Encoding.UTF8.GetBytes(rel + "\n" + hash + "\n"));
        }
        return new AssetManifest(entries, Convert.ToHexStringLower(all.GetHashAndReset())[..12]);
    }

    /// <summary>Site path of an asset ("css/site.css" → "assets/css/site.1a2b3c4d5e.css"); an unknown asset keeps its plain path (the link check reports it).</summary>
    public string SitePath(string logicalPath)
    {
        var key = logicalPath.TrimStart('/');
        return _entries.TryGetValue(key, out var e) ? e.SitePath : SiteUrls.Asset(key);
    }

    public static bool Fingerprinted(string logicalPath) =>
        logicalPath.EndsWith(".css", StringComparison.OrdinalIgnoreCase) || logicalPath.EndsWith(".js", StringComparison.OrdinalIgnoreCase);

    /// <summary>"js/site.js" + hash → "js/site.&lt;hash&gt;.js".</summary>
    public static string WithHash(string logicalPath, string hash)
    {
        var ext = Path.GetExtension(logicalPath);
        return logicalPath[..^ext.Length] + "." + hash + ext;
    }

    /// <param name="LogicalPath">path under the theme's <c>assets/</c>, as templates name it</param>
    /// <param name="SitePath">site-relative path written ("assets/…")</param>
    /// <param name="SourcePath">the file copied</param>
    /// <param name="Hash">10 hex digits of the content's SHA-256</param>
    public sealed record Entry(string LogicalPath, string SitePath, string SourcePath, string Hash);
}
