using PaperArchive.Model;

namespace PaperArchive.Archive;

/// <summary>Writes the Markdown archive (atomic, deterministic). TODO(archive): not implemented yet.</summary>
public static class ArchiveWriter
{
    public static void Write(ArchiveModel archive, string dir) => throw new NotImplementedException();
}
