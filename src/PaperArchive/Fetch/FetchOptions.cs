using System.Reflection;

namespace PaperArchive.Fetch;

/// <summary>
/// How politely and how persistently <see cref="ListingFetcher"/> talks to the listing API.
/// The defaults suit the daily job; tests shrink the delays to milliseconds.
/// </summary>
public sealed record FetchOptions
{
    public static readonly Uri DefaultBaseAddress = new("https://huggingface.co/");

    /// <summary>Scheme and host of the API; the path <c>api/daily_papers</c> is appended.</summary>
    public Uri BaseAddress { get; init; } = DefaultBaseAddress;

    public string UserAgent { get; init; } = BuildUserAgent(null);

    /// <summary>One request, headers and body, must finish within this time.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Pause between two requests of one run, so a backfill never hammers the API.</summary>
    public TimeSpan DelayBetweenRequests { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Attempts per day, the first one included.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Backoff before the second attempt; it doubles for each further attempt.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>All attempts for one day together (waits included) stay within this time.</summary>
    public TimeSpan MaxTimePerDay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How many of the newest listed days are fetched again on every run (early scrapes can be partial).</summary>
    public int RecheckLastListedDays { get; init; } = 2;

    /// <summary>Responses larger than this are refused (the importer refuses such files too).</summary>
    public long MaxResponseBytes { get; init; } = Ingest.ListingReader.MaxFileBytes;

    /// <summary><c>PaperArchive/1.2.3 (+https://github.com/owner/repo)</c>, so the API's operators know who is calling.</summary>
    public static string BuildUserAgent(string? repository)
    {
        var version = typeof(FetchOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            version = version[..plus];
        }
        return string.IsNullOrWhiteSpace(repository)
            ? $"PaperArchive/{version} (static archive of daily paper listings)"
            : $"PaperArchive/{version} (+https://github.com/{repository.Trim()})";
    }
}
