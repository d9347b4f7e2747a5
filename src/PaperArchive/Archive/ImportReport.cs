using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Archive;

/// <summary>
/// What an import did, for the one-line summary and the exit code. <see cref="Archive"/> is the archive
/// as it now is (also when <see cref="Skipped"/>; empty when the import stopped early because the input
/// or archive folder could not be read). <see cref="FilesWritten"/> counts archive files
/// whose bytes changed.
/// </summary>
public sealed record ImportReport(
    ArchiveModel Archive,
    int Files,
    int Days,
    int Papers,
    int NewPapers,
    int UpdatedPapers,
    bool Skipped,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);

    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int FilesWritten { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>
    /// Listing files read (parsed) by this import: all of them for a full import, only the new or changed
    /// ones and the old ones naming the same papers when the import merged just the changes, none when skipped.
    /// </summary>
    public int ListingsRead { get; init; }

    /// <summary>The archive pages read, parsed, for <see cref="ImportOptions.Cache"/> next time (empty when the archive was not read).</summary>
    public ArchivePageCache Cache { get; init; } = ArchivePageCache.Empty();
}
