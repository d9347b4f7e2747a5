using PaperArchive.Archive;
using PaperArchive.Build;
using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.BrowserTests.Reliability;

/// <summary>
/// A site built once, through the real front door (<see cref="SiteBuilder.Build"/>: import, topics,
/// every page kind, feeds, sitemap, search index, link check), from an archive and topics.yml full of
/// <see cref="InjectionCorpus"/> vectors. Served under /repo/.
/// </summary>
public sealed class InjectionSiteFixture : IDisposable
{
    private readonly string _root;
    private readonly StaticServer _server;

    public InjectionSiteFixture()
    {
        _root = Path.Combine(Path.GetTempPath(), "paperarchive-injection", Guid.NewGuid().ToString("N"));
        var input = Path.Combine(_root, "input");
        Directory.CreateDirectory(Path.Combine(input, "listings"));
        File.WriteAllText(Path.Combine(input, "site.yml"), "title: Injection Test Archive\nbase_url: https://example.org/repo/\n");
        File.WriteAllText(Path.Combine(input, "topics.yml"), InjectionCorpus.TopicsYaml());
        var archiveDir = Path.Combine(_root, "archive");
        Archive = ArchiveText.Sanitize(InjectionCorpus.Archive());
        ArchiveWriter.Write(Archive, archiveDir);
        SiteDir = Path.Combine(_root, "site");
        Report = SiteBuilder.Build(new BuildOptions
        {
            InputDir = input,
            ArchiveDir = archiveDir,
            OutputDir = SiteDir,
            ThemesDir = Path.Combine(SiteFixture.RepoRoot, "themes"),
        });
        if (!Report.Published || Report.Diagnostics.Any(d => d.Severity == Severity.Error))
        {
            throw new InvalidOperationException("injection site build failed: " + string.Join("\n", Report.Diagnostics));
        }
        _server = new StaticServer(SiteDir);
    }

    public ArchiveModel Archive { get; }

    public BuildReport Report { get; }

    public string SiteDir { get; }

    public string Origin => _server.Origin;

    public string Url(string sitePath) => _server.BaseUrl + sitePath;

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

/// <summary>Injection browser tests share one hostile site and one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class InjectionSiteCollection : ICollectionFixture<InjectionSiteFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "InjectionSite";
}
