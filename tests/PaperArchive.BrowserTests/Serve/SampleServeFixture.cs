using PaperArchive.Build;
using PaperArchive.Serve;

namespace PaperArchive.BrowserTests.Serve;

/// <summary>
/// <c>paperarchive serve</c> in-process over a copy of the bundled sample (the repository's <c>input/</c>:
/// about 1,500 pages, every one with the header) and a copy of the default theme that the tests edit,
/// under <c>/papers/</c> as <c>site.yml</c> says. Full builds can be held at <see cref="Gate"/> to look at
/// the site before one publishes; <see cref="NextBuildAsync"/> completes when the next full build has finished.
/// </summary>
public sealed class SampleServeFixture : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "paperarchive-browser", "sample-serve-" + Guid.NewGuid().ToString("N"));
    private readonly object _gate = new();
    private TaskCompletionSource<string> _nextBuild = New();

    public PreviewServer Server { get; private set; } = null!;

    public List<string> Log { get; } = [];

    /// <summary>Set: full builds run. Reset: the next full build waits (the preview does not).</summary>
    public ManualResetEventSlim Gate { get; } = new(initialState: true);

    public string Origin => new Uri(Server.Url).GetLeftPart(UriPartial.Authority) + "/";

    public string ThemeFile(string relativePath) => Path.Combine(_root, "themes", "default", relativePath);

    /// <summary>The log line of the next full build to finish ("build 7: 1520 pages in …" or "build failed …").</summary>
    public Task<string> NextBuildAsync()
    {
        lock (_gate)
        {
            return _nextBuild.Task;
        }
    }

    public async Task InitializeAsync()
    {
        Copy(Path.Combine(SiteFixture.RepoRoot, "input"), Path.Combine(_root, "input"));
        Copy(Path.Combine(SiteFixture.RepoRoot, "themes", "default"), Path.Combine(_root, "themes", "default"));
        Server = await PreviewServer.StartAsync(new ServeOptions
        {
            Build = new BuildOptions
            {
                InputDir = Path.Combine(_root, "input"),
                ArchiveDir = Path.Combine(_root, "archive"),
                OutputDir = Path.Combine(_root, "site"),
                ThemesDir = Path.Combine(_root, "themes"),
                SkipCheck = true, // as `paperarchive serve` does
            },
            Port = 0,
            BasePath = "/papers/",
            // PAPERARCHIVE_PREVIEW_FIRST=0 measures the old way (every edit waits for the full build).
            PreviewFirst = Environment.GetEnvironmentVariable("PAPERARCHIVE_PREVIEW_FIRST") != "0",
        }, line =>
        {
            lock (Log)
            {
                Log.Add(DateTime.UtcNow.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture) + " " + line);
            }
            if (System.Text.RegularExpressions.Regex.IsMatch(line, @"\bbuild (\d+:|failed)"))
            {
                lock (_gate)
                {
                    _nextBuild.TrySetResult(line);
                    _nextBuild = New();
                }
            }
        }, options =>
        {
            Gate.Wait(TimeSpan.FromMinutes(5));
            return SiteBuilder.Build(options);
        });
        if (!Server.Status.Ok)
        {
            throw new InvalidOperationException("first build failed: " + string.Join("\n", Server.Status.Errors));
        }
    }

    private static TaskCompletionSource<string> New() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
    }

    public async Task DisposeAsync()
    {
        Gate.Set();
        await Server.DisposeAsync();
        Gate.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
