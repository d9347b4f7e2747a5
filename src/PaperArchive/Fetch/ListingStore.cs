using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PaperArchive.Common;

namespace PaperArchive.Fetch;

/// <summary>
/// Where fetched responses live under <c>input/listings/</c>:
/// <code>
/// hf-api/2026/2026-07-01.json     one raw API response per listing day, byte for byte as received
/// hf-api/.fetch-state.json        days the API listed no papers, days that failed (sorted lists of dates)
/// .rejected/2026-07-01.20261129T061702Z.1.html-page.rejected   bad or less complete responses, kept for inspection
/// </code>
/// A day's listing already present anywhere under <c>hf-api/</c> as <c>YYYY-MM-DD.json</c> (e.g. the flat
/// sample shipped in <c>input/</c>) is updated in place rather than duplicated. Names starting with '.'
/// and the <c>.rejected</c> extension keep state, temp and rejected files out of the importer's way.
/// </summary>
public sealed partial class ListingStore
{
    public const string SourceFolder = "hf-api";
    public const string StateFileName = ".fetch-state.json";
    public const string RejectedFolder = ".rejected";
    public const string RejectedExtension = ".rejected";

    private static readonly JsonSerializerOptions StateJson = new() { WriteIndented = true, IndentSize = 2 };

    public ListingStore(string listingsDir)
    {
        ListingsDir = Path.GetFullPath(listingsDir);
    }

    public string ListingsDir { get; }

    public string SourceDir => Path.Combine(ListingsDir, SourceFolder);

    public string StatePath => Path.Combine(SourceDir, StateFileName);

    public string RejectedDir => Path.Combine(ListingsDir, RejectedFolder);

    /// <summary>Where a new listing for <paramref name="day"/> goes: one folder per year keeps folders browsable on GitHub.</summary>
    public string NewPathFor(DateOnly day) =>
        Path.Combine(SourceDir, day.Year.ToString("D4", CultureInfo.InvariantCulture), Name(day));

    /// <summary>The saved listing for <paramref name="day"/>, wherever it sits under <c>hf-api/</c>; null if none.</summary>
    public string? FindListing(DateOnly day) => ListedDayFiles().GetValueOrDefault(day);

    /// <summary>Every day with a saved listing, mapped to its file (the first in ordinal path order if duplicated).</summary>
    public IReadOnlyDictionary<DateOnly, string> ListedDayFiles()
    {
        var result = new SortedDictionary<DateOnly, string>();
        if (!Directory.Exists(SourceDir))
        {
            return result;
        }
        foreach (var file in Directory.EnumerateFiles(SourceDir, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Path.GetRelativePath(SourceDir, file).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
            {
                continue;
            }
            var match = DayFileName().Match(Path.GetFileName(file));
            if (match.Success && DateOnly.TryParseExact(match.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                result.TryAdd(day, file);
            }
        }
        return result;
    }

    /// <summary>Reads the state file; a missing or damaged one reads as no state (it only costs re-fetching some days).</summary>
    public FetchState ReadState()
    {
        if (!File.Exists(StatePath))
        {
            return FetchState.None;
        }
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(StatePath));
            return new FetchState(Days(doc.RootElement, "emptyDays"), Days(doc.RootElement, "failedDays"));
        }
        catch (JsonException)
        {
            return FetchState.None;
        }
    }

    /// <summary>Writes the state file, sorted and stable, only when it changed (no daily churn in git).</summary>
    public void WriteState(FetchState state)
    {
        if (state.IsNone && !File.Exists(StatePath))
        {
            return;
        }
        var file = new StateFile(
            "Written by `paperarchive fetch`. emptyDays: the API listed no papers (weekends, holidays); not fetched again unless among the last two days or asked for with --date/--from. failedDays: could not be fetched; retried on every run.",
            state.EmptyDays.Select(d => Name(d)[..10]).ToList(),
            state.FailedDays.Select(d => Name(d)[..10]).ToList());
        AtomicFile.WriteIfChanged(StatePath, JsonSerializer.Serialize(file, StateJson) + "\n");
    }

    private static System.Collections.Immutable.ImmutableSortedSet<DateOnly> Days(JsonElement root, string name)
    {
        var days = System.Collections.Immutable.ImmutableSortedSet.CreateBuilder<DateOnly>();
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String
                    && DateOnly.TryParseExact(item.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    days.Add(day);
                }
            }
        }
        return days.ToImmutable();
    }

    /// <summary>Saves a response for <paramref name="day"/> atomically, over the existing listing if there is one.</summary>
    public string SaveListing(DateOnly day, ReadOnlySpan<byte> body)
    {
        var path = FindListing(day) ?? NewPathFor(day);
        AtomicFile.WriteAllBytes(path, body);
        return path;
    }

    /// <summary>Keeps a response that was not used, named by day, time of receipt, attempt and reason.</summary>
    public string SetAside(DateOnly day, DateTimeOffset receivedUtc, int attempt, string reason, ReadOnlySpan<byte> body)
    {
        var stem = $"{Name(day)[..10]}.{receivedUtc.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.{attempt.ToString(CultureInfo.InvariantCulture)}.{reason}";
        var path = Path.Combine(RejectedDir, stem + RejectedExtension);
        for (var n = 2; File.Exists(path); n++)
        {
            path = Path.Combine(RejectedDir, $"{stem}-{n.ToString(CultureInfo.InvariantCulture)}{RejectedExtension}");
        }
        AtomicFile.WriteAllBytes(path, body);
        return path;
    }

    /// <summary>
    /// Holds an exclusive lock on the store for one run, so two fetches never interleave their writes.
    /// The OS drops the lock when the process dies, so a killed run never blocks the next one. The
    /// lock file lives in the temp folder (named by a hash of this store's path), not beside the
    /// listings, so it is never committed. Returns null when another run holds it.
    /// </summary>
    public IDisposable? TryLock()
    {
        Directory.CreateDirectory(SourceDir);
        try
        {
            return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public string LockPath
    {
        get
        {
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ListingsDir)))[..16];
            return Path.Combine(Path.GetTempPath(), $"paperarchive-fetch-{hash}.lock");
        }
    }

    /// <summary>Removes temp files that an interrupted run left behind (older than <paramref name="minAge"/>).</summary>
    public int RemoveStaleTempFiles(DateTimeOffset nowUtc, TimeSpan minAge)
    {
        if (!Directory.Exists(ListingsDir))
        {
            return 0;
        }
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(ListingsDir, ".*.tmp", SearchOption.AllDirectories))
        {
            try
            {
                if (nowUtc - File.GetLastWriteTimeUtc(file) >= minAge)
                {
                    File.Delete(file);
                    removed++;
                }
            }
            catch (IOException)
            {
            }
        }
        return removed;
    }

    public string Relative(string path) => Path.GetRelativePath(ListingsDir, path).Replace('\\', '/');

    private static string Name(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".json";

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})\.json$")]
    private static partial Regex DayFileName();

    private sealed record StateFile(
        [property: System.Text.Json.Serialization.JsonPropertyName("comment")] string Comment,
        [property: System.Text.Json.Serialization.JsonPropertyName("emptyDays")] IReadOnlyList<string> EmptyDays,
        [property: System.Text.Json.Serialization.JsonPropertyName("failedDays")] IReadOnlyList<string> FailedDays);
}
