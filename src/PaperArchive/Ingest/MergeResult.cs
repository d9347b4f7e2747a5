using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Ingest;

/// <summary>The merged archive and what the merge did: counts for the summary and conflicts it resolved.</summary>
public sealed record MergeResult(
    ArchiveModel Archive,
    int NewPapers,
    int UpdatedPapers,
    IReadOnlyList<Diagnostic> Diagnostics);
