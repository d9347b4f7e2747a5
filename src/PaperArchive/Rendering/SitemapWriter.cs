using System.Globalization;
using System.Xml;
using PaperArchive.Rendering.Feeds;

namespace PaperArchive.Rendering;

/// <summary>
/// <c>sitemap.xml</c>: one urlset while the site has at most <see cref="MaxUrlsPerFile"/> pages
/// (the protocol's limit); past that, <c>sitemap.xml</c> becomes a sitemap index over
/// <c>sitemaps/sitemap-N.xml</c>. Returns the files written (site-relative).
/// </summary>
public static class SitemapWriter
{
    public const int MaxUrlsPerFile = 50_000;
    private const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static IReadOnlyList<string> Write(string siteDir, string baseUrl, IReadOnlyList<string> pagePaths, DateOnly? lastModified, int maxUrlsPerFile = MaxUrlsPerFile)
    {
        var paths = pagePaths.Order(StringComparer.Ordinal).ToList();
        if (paths.Count <= maxUrlsPerFile)
        {
            WriteUrlSet(Path.Combine(siteDir, SiteUrls.Sitemap), baseUrl, paths);
            return [SiteUrls.Sitemap];
        }
        var written = new List<string>();
        var chunks = paths.Chunk(maxUrlsPerFile).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            var rel = "sitemaps/sitemap-" + (i + 1).ToString(CultureInfo.InvariantCulture) + ".xml";
            WriteUrlSet(Path.Combine(siteDir, rel), baseUrl, chunks[i]);
            written.Add(rel);
        }
        using (var stream = File.Create(Path.Combine(siteDir, SiteUrls.Sitemap)))
        using (var xml = XmlWriter.Create(stream, AtomFeedWriter.Settings()))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("sitemapindex", Ns);
            foreach (var rel in written)
            {
                xml.WriteStartElement("sitemap", Ns);
                xml.WriteElementString("loc", Ns, SiteUrls.Absolute(baseUrl, rel));
                if (lastModified is not null)
                {
                    xml.WriteElementString("lastmod", Ns, lastModified.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        written.Insert(0, SiteUrls.Sitemap);
        return written;
    }

    /// <summary><c>robots.txt</c>: everything allowed, pointing at the sitemap.</summary>
    public static string Robots(string baseUrl) => "User-agent: *\nAllow: /\n\nSitemap: " + SiteUrls.Absolute(baseUrl, SiteUrls.Sitemap) + "\n";

    private static void WriteUrlSet(string file, string baseUrl, IEnumerable<string> paths)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using var stream = File.Create(file);
        using var xml = XmlWriter.Create(stream, AtomFeedWriter.Settings());
        xml.WriteStartDocument();
        xml.WriteStartElement("urlset", Ns);
        foreach (var path in paths)
        {
            xml.WriteStartElement("url", Ns);
            // The home page is the site root itself; every other page is its file.
            xml.WriteElementString("loc", Ns, path == SiteUrls.Home ? SiteUrls.Absolute(baseUrl, "") : SiteUrls.Absolute(baseUrl, path));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }
}
