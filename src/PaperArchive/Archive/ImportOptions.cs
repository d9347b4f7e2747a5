namespace PaperArchive.Archive;

/// <summary>Where to read raw listings from and where the Markdown archive lives.</summary>
public sealed record ImportOptions(string InputDir, string ArchiveDir)
{
    /// <summary>Receives (files done, files total) as listing files are read.</summary>
    public IProgress<(int Done, int Total)>? Progress { get; init; }
}
