using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Archive;

public sealed record ArchiveReadResult(ArchiveModel Archive, IReadOnlyList<Diagnostic> Diagnostics);
