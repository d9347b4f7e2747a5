using System.Xml.Linq;
using PaperArchive.Rendering;

namespace PaperArchive.Tests.Rendering;

public class SitemapWriterTests
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public void Small_site_is_one_urlset_with_absolute_urls()
    {
        using var tmp = TestPaths.Temp();
        var written = SitemapWriter.Write(tmp.Path, "https://me.github.io/repo/", ["index.html", "days/2026-07-01.html"], new DateOnly(2026, 7, 1));
        Assert.Equal(["sitemap.xml"], written);
        var locs = XDocument.Load(Path.Combine(tmp.Path, "sitemap.xml")).Descendants(Ns + "loc").Select(l => l.Value).ToList();
        Assert.Equal(["https://me.github.io/repo/days/2026-07-01.html", "https://me.github.io/repo/"], locs);
    }

    [Fact]
    public void Past_the_limit_it_becomes_an_index()
    {
        using var tmp = TestPaths.Temp();
        var paths = Enumerable.Range(0, 5).Select(i => $"papers/{i}.html").ToList();
        var written = SitemapWriter.Write(tmp.Path, "https://x.org/", paths, null, maxUrlsPerFile: 2);
        Assert.Equal(["sitemap.xml", "sitemaps/sitemap-1.xml", "sitemaps/sitemap-2.xml", "sitemaps/sitemap-3.xml"], written);
        var index = XDocument.Load(Path.Combine(tmp.Path, "sitemap.xml"));
        Assert.Equal("sitemapindex", index.Root!.Name.LocalName);
        Assert.Equal(3, index.Descendants(Ns + "sitemap").Count());
        var all = written.Skip(1).SelectMany(f => XDocument.Load(Path.Combine(tmp.Path, f)).Descendants(Ns + "loc")).Count();
        Assert.Equal(5, all);
    }
}
