using System.Text.Json;
using System.Text.Json.Serialization;
using PaperArchive.Common;
using PaperArchive.Ingest;
using PaperArchive.Model;

namespace PaperArchive.Archive;

/// <summary>
/// <c>archive/.import-index.json</c>: for each listing the last import read (by path and SHA-256), the
/// paper ids it named, whether it is a daily listing, the days a non-daily one names, and what reading
/// it reported. With it, an import whose only change is a new (or changed, or removed) listing reads
/// and merges just that listing and the few old listings that name the same papers, instead of every
/// listing (see <see cref="ArchiveImporter"/>). It describes the archive written by that import
/// (<see cref="ArchiveDigest"/>); on any mismatch, or when the file is missing or damaged, the import
/// reads everything as before. No times, paths relative to the listings folder: the same inputs give
/// the same bytes anywhere.
/// </summary>
internal sealed record ImportIndex(
    [property: JsonPropertyName("format")] int Format,
    [property: JsonPropertyName("archive_sha256")] string ArchiveDigest,
    [property: JsonPropertyName("other_errors")] bool OtherErrors,
    [property: JsonPropertyName("listings")] IReadOnlyList<ImportIndex.Listing> Listings)
{
    public const string FileName = ".import-index.json";

    /// <summary>Bumped whenever what an entry records changes; also tied to the archive's page format.</summary>
    private const int CurrentFormat = 1000 + ArchiveLayout.FormatVersion;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <param name="Ids">Every observation's paper id, in file order (ids only; duplicates kept once).</param>
    /// <param name="Daily"><see cref="ListingReadResult.IsDailyListing"/>.</param>
    /// <param name="Dates">For a non-daily listing, every listing day its papers name (it can add them to those days).</param>
    /// <param name="Diagnostics">What reading the file reported, file names relative to the listings folder.</param>
    internal sealed record Listing(
        [property: JsonPropertyName("path")] string Path,
        [property: JsonPropertyName("sha256")] string Sha256,
        [property: JsonPropertyName("ids")] IReadOnlyList<string> Ids,
        [property: JsonPropertyName("daily")] bool Daily,
        [property: JsonPropertyName("dates")] IReadOnlyList<DateOnly>? Dates,
        [property: JsonPropertyName("diagnostics")] IReadOnlyList<StoredDiagnostic>? Diagnostics)
    {
        /// <summary>Papers known only by title join other records by title, which a new listing can change: no shortcut then.</summary>
        [JsonIgnore]
        public bool HasTitleIds => Ids.Any(IsTitleId);

        public IEnumerable<Diagnostic> Restore(string listingsDir) =>
            (Diagnostics ?? []).Select(d => new Diagnostic(d.Severity, d.Relative ? System.IO.Path.Combine(listingsDir, d.File) : d.File, d.Location, d.Message));
    }

    internal sealed record StoredDiagnostic(
        [property: JsonPropertyName("severity")] Severity Severity,
        [property: JsonPropertyName("file")] string File,
        [property: JsonPropertyName("relative")] bool Relative,
        [property: JsonPropertyName("location")] string? Location,
        [property: JsonPropertyName("message")] string Message);

    public static bool IsTitleId(string id) => id.StartsWith(PaperId.TitlePrefix, StringComparison.Ordinal);

    /// <summary>The entry for one listing as just read.</summary>
    public static Listing Describe(ImportState.Input input, string file, ListingReadResult result)
    {
        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var dates = new SortedSet<DateOnly>();
        foreach (var o in result.Observations)
        {
            if (o?.Paper?.Id is { } id && seen.Add(id))
            {
                ids.Add(id);
            }
            if (!result.IsDailyListing && o?.Paper is { } p)
            {
                dates.UnionWith(p.ListedOn);
            }
        }
        var diagnostics = result.Diagnostics.Select(d =>
        {
            var relative = string.Equals(d.File, file, StringComparison.Ordinal);
            return new StoredDiagnostic(d.Severity, relative ? input.Path : d.File, relative, d.Location, d.Message);
        }).ToList();
        return new Listing(input.Path, input.Sha256, ids, result.IsDailyListing, dates.Count > 0 ? [.. dates] : null, diagnostics.Count > 0 ? diagnostics : null);
    }

    /// <summary>True when this index describes exactly the inputs and archive that <paramref name="state"/> records.</summary>
    public bool Describes(ImportState state) =>
        Format == CurrentFormat &&
        state.Format == ArchiveLayout.FormatVersion &&
        ArchiveDigest == state.ArchiveDigest &&
        Listings.Count == state.Inputs.Count &&
        Listings.Zip(state.Inputs).All(pair => pair.First.Path == pair.Second.Path && pair.First.Sha256 == pair.Second.Sha256 && pair.Second.Sha256.Length > 0);

    public static ImportIndex Create(string archiveDigest, bool otherErrors, IReadOnlyList<Listing> listings) =>
        new(CurrentFormat, archiveDigest, otherErrors, listings);

    public static ImportIndex? Load(string archiveDir)
    {
        var path = System.IO.Path.Combine(archiveDir, FileName);
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }
            using var stream = File.OpenRead(path);
            var index = JsonSerializer.Deserialize<ImportIndex>(stream, Json);
            return index is { Listings: not null, ArchiveDigest: not null } && index.Listings.All(l => l is { Path: not null, Sha256: not null, Ids: not null } && l.Ids.All(id => id is not null))
                ? index
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or NotSupportedException or ArgumentException)
        {
            // A damaged index only costs a full import.
            return null;
        }
    }

    public void Save(string archiveDir) =>
        AtomicFile.WriteIfChanged(System.IO.Path.Combine(archiveDir, FileName), JsonSerializer.Serialize(this, Json) + "\n");

    /// <summary>Removes the index (after an import that could not record one), so a stale one is never trusted.</summary>
    public static void Delete(string archiveDir)
    {
        try
        {
            File.Delete(System.IO.Path.Combine(archiveDir, FileName));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Describes() still rejects it: it names the archive digest of an earlier import.
        }
    }
}
