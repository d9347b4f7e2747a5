namespace PaperArchive.Tests.Rendering;

/// <summary>
/// Golden files: every page kind of the sample archive (<see cref="SampleArchive"/>) against
/// <c>Golden/&lt;name&gt;.expected.*</c>. <c>PAPERARCHIVE_UPDATE_GOLDEN=1</c> rewrites them; review the diff.
/// </summary>
public class GoldenTests : IClassFixture<GoldenTests.Site>
{
    private readonly Site _site;

    public GoldenTests(Site site) => _site = site;

    public sealed class Site : IDisposable
    {
        public RenderHarness Harness { get; } = RenderHarness.Default();

        public void Dispose() => Harness.Dispose();
    }

    [Theory]
    [InlineData("home", "index.html")]
    [InlineData("day", "days/2026-06-30.html")]
    [InlineData("week", "weeks/2026-W27.html")]
    [InlineData("month", "months/2026-07.html")]
    [InlineData("calendar", "archive.html")]
    [InlineData("paper", "papers/2606.11111.html")]
    [InlineData("paper-text-only", "papers/{0}.html")]
    [InlineData("author", "authors/grace-hopper.html")]
    [InlineData("author-disambiguated", "authors/grace-hopper-2.html")]
    [InlineData("organization", "orgs/nvidia.html")]
    [InlineData("topic", "topics/attention.html")]
    [InlineData("search", "search.html")]
    [InlineData("404", "404.html")]
    [InlineData("atom", "atom.xml")]
    [InlineData("rss", "rss.xml")]
    [InlineData("jsonfeed", "feed.json")]
    [InlineData("sitemap", "sitemap.xml")]
    [InlineData("robots", "robots.txt")]
    [InlineData("my-list", "my-list.html")]
    [InlineData("for-you", "for-you.html")]
    [InlineData("paper-bibtex", "papers/2606.11111.bib")]
    [InlineData("paper-ris", "papers/2606.11111.ris")]
    [InlineData("day-bibtex", "days/2026-06-30.bib")]
    [InlineData("day-ris", "days/2026-06-30.ris")]
    [InlineData("topic-bibtex", "topics/attention.bib")]
    [InlineData("author-feed", "feeds/authors/grace-hopper.xml")]
    [InlineData("reader-meta", "reader/m0.js")]
    [InlineData("reader-offline", "reader/offline.js")]
    [InlineData("service-worker", "sw.js")]
    public void Page_matches_golden_file(string name, string path)
    {
        Assert.Empty(_site.Harness.Report.Diagnostics);
        if (path.Contains("{0}", StringComparison.Ordinal))
        {
            var id = PaperArchive.Model.PaperId.FromTitle("A Paper Only Known From A Copy");
            path = "papers/" + id + ".html";
        }
        var actual = _site.Harness.Read(path);
        var ext = Path.GetExtension(path);
        var golden = Path.Combine(TestPaths.RepoRoot, "tests", "PaperArchive.Tests", "Rendering", "Golden", name + ".expected" + ext);
        if (Environment.GetEnvironmentVariable("PAPERARCHIVE_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllText(golden, actual);
        }
        Assert.True(File.Exists(golden), $"missing golden file {golden}; run with PAPERARCHIVE_UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(golden), actual);
    }
}
