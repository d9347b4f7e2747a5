namespace PaperArchive.Archive;

/// <summary>
/// Front door of <c>paperarchive import</c>: reads every listing under the input folder, merges it
/// into the existing archive and writes the archive. Skips the work when no input changed since the
/// last import (<see cref="ImportReport.Skipped"/>). TODO(archive): not implemented yet.
/// </summary>
public static class ArchiveImporter
{
    public static ImportReport Import(ImportOptions options) => throw new NotImplementedException();
}
