using PaperArchive.Archive;
using PaperArchive.Build;
using PaperArchive.Model;
using PaperArchive.Rendering;
using PaperArchive.Rendering.Pages;
using PaperArchive.Search;
using PaperArchive.Topics;

namespace PaperArchive.BrowserTests.Search;

/// <summary>
/// A site for the search tests: the real fixture listings (tests/fixtures/hf-api) imported, topics
/// from the repository's input/topics.yml, the search page, the paper pages and the search index,
/// plus one paper whose title is markup (to prove results never inject it). Served under /repo/.
/// </summary>
public sealed class SearchSiteFixture : IDisposable
{
    public const string InjectionTitle = "<img src=x onerror=\"window.__pwned=1\"> Injectionproof Title <b>bold</b>";

    private readonly string _root;
    private readonly StaticServer _server;

    public SearchSiteFixture()
    {
        _root = Path.Combine(Path.GetTempPath(), "paperarchive-search-browser", Guid.NewGuid().ToString("N"));
        var input = Path.Combine(_root, "input", "listings");
        Directory.CreateDirectory(input);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(SiteFixture.RepoRoot, "tests", "fixtures", "hf-api"), "*.json"))
        {
            if (!Path.GetFileName(file).StartsWith("EXAMPLE", StringComparison.Ordinal))
            {
                File.Copy(file, Path.Combine(input, Path.GetFileName(file)));
            }
        }
        var report = ArchiveImporter.Import(new ImportOptions(Path.Combine(_root, "input"), Path.Combine(_root, "archive")));
        var injected = new Paper
        {
            Id = "2607.99999",
            ArxivId = "2607.99999",
            Title = InjectionTitle,
            Abstract = "An abstract with <script>window.__pwned=2</script> markup that must show as text.",
            Authors = ValueList.Of(new Author("Mallory <i>Evil</i>")),
            ListedOn = ValueList.Of(new DateOnly(2026, 7, 1)),
        };
        Archive = report.Archive with { Papers = report.Archive.Papers.Append(injected).OrderBy(p => p.Id, StringComparer.Ordinal).ToValueList() };
        var (topics, _) = TopicRules.Load(Path.Combine(SiteFixture.RepoRoot, "input", "topics.yml"));
        Analysis = TopicAnalyzer.Analyze(Archive, topics);
        SiteDir = Path.Combine(_root, "site");
        var theme = Theme.Load(Path.Combine(SiteFixture.RepoRoot, "themes"), "default", null);
        var config = new SiteConfig { Title = "Search Test Archive", BaseUrl = "https://example.org/repo/" };
        var render = SiteBuilder.Render(Archive, Analysis, config, theme, SiteDir, [new SearchPageSource(), new PaperPageSource(), new NotFoundPageSource()]);
        if (render.HasErrors)
        {
            throw new InvalidOperationException("site build failed: " + string.Join("\n", render.Diagnostics));
        }
        SearchIndexWriter.Write(Archive, Analysis, SiteDir);
        // The same site whose frequent terms keep only a dozen postings in their shards (as at
        // 50,000 papers): first pages come from heads, deeper pages read the bands. Opened from disk.
        BandedSiteDir = Path.Combine(_root, "site-banded");
        CopyTree(SiteDir, BandedSiteDir);
        SearchIndexWriter.Write(Archive, Analysis, BandedSiteDir, SearchIndexOptions.Default with { HeadPostings = 12 });
        _server = new StaticServer(SiteDir);
    }

    public ArchiveModel Archive { get; }

    public ArchiveAnalysis Analysis { get; }

    public string SiteDir { get; }

    public string Origin => _server.Origin;

    public string Url(string sitePath) => _server.BaseUrl + sitePath;

    public string FileUrl(string sitePath) => new Uri(Path.Combine(SiteDir, sitePath)).AbsoluteUri;

    public string BandedSiteDir { get; }

    public string BandedFileUrl(string sitePath) => new Uri(Path.Combine(BandedSiteDir, sitePath)).AbsoluteUri;

    private static void CopyTree(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }

    public void Dispose()
    {
        _server.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Search browser tests share one search site and one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class SearchSiteCollection : ICollectionFixture<SearchSiteFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "SearchSite";
}
