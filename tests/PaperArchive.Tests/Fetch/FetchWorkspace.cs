using PaperArchive.Fetch;

namespace PaperArchive.Tests.Fetch;

/// <summary>
/// A throw-away input folder plus a fetcher tuned for tests (millisecond delays, seeded jitter).
/// Fixtures come from <c>tests/fixtures/hf-api/</c>, found by walking up to the folder holding PaperArchive.sln.
/// </summary>
internal sealed class FetchWorkspace : IDisposable
{
    public static readonly DateTimeOffset DefaultNow = new(2026, 7, 7, 6, 17, 0, TimeSpan.Zero);

    public FetchWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "paperarchive-fetch-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(ListingsDir);
    }

    public string Root { get; }

    public string ListingsDir => Path.Combine(Root, "listings");

    public ListingStore Store => new(ListingsDir);

    public StringWriter Output { get; } = new();

    public static FetchOptions FastOptions(Uri baseAddress) => new()
    {
        BaseAddress = baseAddress,
        UserAgent = FetchOptions.BuildUserAgent("example/paper-archive"),
        // Generous: the machine running the tests may be busy; timeout tests set their own.
        RequestTimeout = TimeSpan.FromSeconds(10),
        DelayBetweenRequests = TimeSpan.Zero,
        InitialBackoff = TimeSpan.FromMilliseconds(10),
        MaxBackoff = TimeSpan.FromMilliseconds(50),
        MaxAttempts = 3,
        MaxTimePerDay = TimeSpan.FromSeconds(20),
    };

    public async Task<FetchReport> FetchAsync(FetchOptions options, DateRange? range, DateTimeOffset? now = null)
    {
        using var fetcher = new ListingFetcher(options, new FixedClock(now ?? DefaultNow), new Random(1234), Output);
        return await fetcher.FetchAsync(ListingsDir, range);
    }

    /// <summary>Puts a listing in place as an earlier run would have saved it; returns its path.</summary>
    public string Archive(DateOnly day, byte[] body)
    {
        var path = Store.NewPathFor(day);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, body);
        return path;
    }

    public string[] RejectedFiles() =>
        Directory.Exists(Store.RejectedDir) ? Directory.GetFiles(Store.RejectedDir).Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal).ToArray() : [];

    /// <summary>Every file under listings/, relative, sorted (to prove nothing else appeared).</summary>
    public string[] AllFiles() =>
        Directory.GetFiles(ListingsDir, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(ListingsDir, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();

    public static string RepoRoot()
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

    public static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(RepoRoot(), "tests", "fixtures", "hf-api", name));

    public static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        try
        {
            File.Delete(Store.LockPath);
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
