using PaperArchive.Common;

namespace PaperArchive.Ingest;

/// <summary>
/// What reading one file gave. <see cref="ListingDate"/> is the day of a daily listing; null for a
/// search listing or a single paper page. <see cref="IsDailyListing"/> is false for copied search
/// listings, whose papers keep their own dates and are not filed under the day of the copy.
/// </summary>
public sealed record ListingReadResult(
    string File,
    SourceKind? Kind,
    DateOnly? ListingDate,
    bool IsDailyListing,
    IReadOnlyList<Observation> Observations,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Failed => Kind is null || Diagnostics.Any(d => d.Severity == Severity.Error);

    public static ListingReadResult Unreadable(string file, string reason) =>
        new(file, null, null, false, [], [Diagnostic.Error(file, null, reason)]);
}
