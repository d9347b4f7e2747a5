using PaperArchive.Common;

namespace PaperArchive.Archive;

/// <summary>
/// What a write did. <see cref="Written"/> counts files whose bytes changed (only those are touched),
/// <see cref="Moved"/> paper pages that moved to a new folder, <see cref="Kept"/> unreadable pages left
/// as they were. <see cref="Digest"/> matches <see cref="ArchiveReadResult.Digest"/> of reading the
/// archive right after.
/// </summary>
public sealed record ArchiveWriteResult(
    int Written,
    int Unchanged,
    int Moved,
    int Kept,
    string Digest,
    IReadOnlyList<Diagnostic> Diagnostics);
