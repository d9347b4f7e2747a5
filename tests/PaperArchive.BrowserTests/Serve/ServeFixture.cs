using PaperArchive.Build;
using PaperArchive.Serve;

namespace PaperArchive.BrowserTests.Serve;

/// <summary>
/// <c>paperarchive serve</c> in-process on a free port under <c>/repo/</c>, over a temp project:
/// one real listing (6 papers) and a copy of the default theme that the tests edit.
/// </summary>
public sealed class ServeFixture : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "paperarchive-browser", "serve-" + Guid.NewGuid().ToString("N"));

    public PreviewServer Server { get; private set; } = null!;

    public List<string> Log { get; } = [];

    public string Origin => new Uri(Server.Url).GetLeftPart(UriPartial.Authority) + "/";

    public string ThemeFile(string relativePath) => Path.Combine(_root, "themes", "default", relativePath);

    public async Task InitializeAsync()
    {
        var input = Path.Combine(_root, "input");
        var listings = Path.Combine(input, "listings", "hf-api");
        Directory.CreateDirectory(listings);
        File.Copy(Path.Combine(SiteFixture.RepoRoot, "tests", "fixtures", "hf-api", "2024-06-03.json"), Path.Combine(listings, "2024-06-03.json"));
        File.WriteAllText(Path.Combine(input, "site.yml"), "title: Live Reload Test\nbase_url: https://example.org/repo/\n");
        var theme = Path.Combine(SiteFixture.RepoRoot, "themes", "default");
        foreach (var file in Directory.EnumerateFiles(theme, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(_root, "themes", "default", Path.GetRelativePath(theme, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        Server = await PreviewServer.StartAsync(new ServeOptions
        {
            Build = new BuildOptions
            {
                InputDir = input,
                ArchiveDir = Path.Combine(_root, "archive"),
                OutputDir = Path.Combine(_root, "site"),
                ThemesDir = Path.Combine(_root, "themes"),
                SkipCheck = true, // as `paperarchive serve` does
            },
            Port = 0,
            BasePath = "/repo/",
        }, line =>
        {
            lock (Log)
            {
                Log.Add(line);
            }
        });
        if (!Server.Status.Ok)
        {
            throw new InvalidOperationException("first build failed: " + string.Join("\n", Server.Status.Errors));
        }
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
