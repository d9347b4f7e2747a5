using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Archive;

/// <summary>What an import did, for the one-line summary and the exit code.</summary>
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
}
