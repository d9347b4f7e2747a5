using PaperArchive.Model;

namespace PaperArchive.Archive;

/// <summary>Reads the Markdown archive back into the model. TODO(archive): not implemented yet.</summary>
public static class ArchiveReader
{
    /// <summary>A missing folder is an empty archive.</summary>
    public static ArchiveReadResult Read(string dir) => new(ArchiveModel.Empty, []);
}
