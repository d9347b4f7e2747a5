using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using PaperArchive.Model;

namespace PaperArchive.Tests.Rendering;

/// <summary>Scraped text containing markup or template syntax shows as text on every page and in every feed.</summary>
public class EscapingTests
{
    private const string Hostile = "<script>alert(1)</script> \"><img src=x onerror=alert(2)> {{ site.title }} & more";

    private static ArchiveModel HostileArchive()
    {
        var archive = SampleArchive.Create(hostileTitle: Hostile);
        var papers = archive.Papers.Select(p => p.Id == "2606.11111"
            ? p with
            {
                Abstract = Hostile,
                AiSummary = Hostile,
                Authors = ValueList.Of(new Author(Hostile), new Author("Ada Lovelace", "ada\"><script>")),
                Organization = Hostile,
                OrganizationHandle = null,
                AiKeywords = ValueList.Of(Hostile),
                GithubRepo = "javascript:alert(3)",
                SubmittedBy = Hostile,
            }
            : p).ToValueList();
        return archive with { Papers = papers };
    }

    [Fact]
    public void Hostile_text_never_becomes_markup()
    {
        using var h = RenderHarness.Default(HostileArchive(), ArchiveAnalysis.Empty);
        Assert.Empty(h.Report.Diagnostics);
        var parser = new HtmlParser();
        var pages = Directory.GetFiles(h.Site, "*.html", SearchOption.AllDirectories);
        var sawTitle = 0;
        foreach (var file in pages)
        {
            var html = File.ReadAllText(file);
            var doc = parser.ParseDocument(html);
            foreach (var script in doc.Scripts)
            {
                Assert.DoesNotContain("alert", script.TextContent);
            }
            Assert.Empty(doc.QuerySelectorAll("img[onerror]"));
            Assert.Empty(doc.QuerySelectorAll("[href^='javascript:']"));
            if (doc.Body!.TextContent.Contains("<script>alert(1)</script>", StringComparison.Ordinal))
            {
                sawTitle++;
            }
        }
        // Shown as text (not swallowed) on the paper, day, week, month, home, author and organisation pages.
        Assert.True(sawTitle >= 7, $"hostile title shown as text on only {sawTitle} pages");
        var paper = parser.ParseDocument(h.Read("papers/2606.11111.html"));
        Assert.Equal(Hostile, paper.QuerySelector("h1")!.TextContent);
        Assert.Contains("{{ site.title }}", paper.QuerySelector(".abstract")!.TextContent);
        Assert.Equal(Hostile, paper.QuerySelector("meta[name=citation_title]")!.GetAttribute("content"));
        Assert.Equal(Hostile, paper.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
    }

    [Fact]
    public void Feeds_stay_well_formed_and_carry_text()
    {
        using var h = RenderHarness.Default(HostileArchive(), ArchiveAnalysis.Empty);
        var atom = XDocument.Parse(h.Read("atom.xml"));
        XNamespace a = "http://www.w3.org/2005/Atom";
        Assert.Contains(atom.Descendants(a + "title"), t => t.Value == Hostile);
        var rss = XDocument.Parse(h.Read("rss.xml"));
        Assert.Contains(rss.Descendants("title"), t => t.Value == Hostile);
        using var json = JsonDocument.Parse(h.Read("feed.json"));
        Assert.Contains(json.RootElement.GetProperty("items").EnumerateArray(), i => i.GetProperty("title").GetString() == Hostile);
        XDocument.Parse(h.Read("sitemap.xml"));
    }

    [Fact]
    public void Control_characters_do_not_break_feeds()
    {
        var archive = SampleArchive.Create(hostileTitle: "Bell\u0007 and \uD800 lone surrogate");
        archive = archive with
        {
            Papers = archive.Papers.Select(p => p with { Authors = ValueList.Of(new Author("Lone \uDC00 Surrogate")) }).ToValueList(),
        };
        using var h = RenderHarness.Default(archive, ArchiveAnalysis.Empty);
        XDocument.Parse(h.Read("atom.xml"));
        XDocument.Parse(h.Read("rss.xml"));
        JsonDocument.Parse(h.Read("feed.json")).Dispose();
    }
}
