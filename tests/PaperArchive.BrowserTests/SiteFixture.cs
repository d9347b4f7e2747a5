using PaperArchive.Build;
using PaperArchive.Model;
using PaperArchive.Reader;
using PaperArchive.Rendering;
using PaperArchive.Search;
using PaperArchive.Topics;

namespace PaperArchive.BrowserTests;

/// <summary>
/// Builds a site once per test run into a temp folder (default theme from the repository) and
/// serves it at <see cref="BaseUrl"/> (a loopback server under <c>/repo/</c>). <see cref="FileUrl"/>
/// gives the same pages as <c>file://</c> URLs. Other browser tests (search, topics) reuse it
/// through the "Site" collection.
/// </summary>
public sealed class SiteFixture : IDisposable
{
    private readonly string _root;
    private readonly StaticServer _server;

    public SiteFixture()
    {
        _root = Path.Combine(Path.GetTempPath(), "paperarchive-browser", Guid.NewGuid().ToString("N"));
        SiteDir = Path.Combine(_root, "site");
        var theme = Theme.Load(Path.Combine(RepoRoot, "themes"), "default", null);
        var config = new SiteConfig { Title = "Browser Test Archive", BaseUrl = "https://example.org/repo/" };
        Archive = BrowserArchive.Create();
        // The same stages as `paperarchive build` after import: topics, pages, search index.
        var (topics, _) = TopicRules.Load(Path.Combine(RepoRoot, "input", "topics.yml"));
        Analysis = TopicAnalyzer.Analyze(Archive, topics);
        var report = SiteBuilder.Render(Archive, Analysis, config, theme, SiteDir);
        if (report.HasErrors)
        {
            throw new InvalidOperationException("site build failed: " + string.Join("\n", report.Diagnostics));
        }
        SearchIndexWriter.Write(Archive, Analysis, SiteDir);
        // "For you" term vectors (SiteBuilder's reader step).
        ReaderVectorWriter.Write(SearchIndexBuilder.Build(Archive, Analysis), SiteDir);
        _server = new StaticServer(SiteDir);
    }

    public ArchiveModel Archive { get; }

    public ArchiveAnalysis Analysis { get; }

    /// <summary>The built site on disk.</summary>
    public string SiteDir { get; }

    /// <summary>Served site root, e.g. http://127.0.0.1:1234/repo/.</summary>
    public string BaseUrl => _server.BaseUrl;

    /// <summary>Origin of the server, for request filters.</summary>
    public string Origin => _server.Origin;

    public string Url(string sitePath) => BaseUrl + sitePath;

    public string FileUrl(string sitePath) => new Uri(Path.Combine(SiteDir, sitePath)).AbsoluteUri;

    /// <summary>Where screenshots go (gitignored): tests/PaperArchive.BrowserTests/screenshots/.</summary>
    public static string ScreenshotDir
    {
        get
        {
            var dir = Path.Combine(RepoRoot, "tests", "PaperArchive.BrowserTests", "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PaperArchive.sln")))
                {
                    return dir.FullName;
                }
            }
            throw new InvalidOperationException("PaperArchive.sln not found above " + AppContext.BaseDirectory);
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
