namespace PaperArchive.Archive;

/// <summary>
/// Where to read raw listings from and where the Markdown archive lives. Listings are read from
/// <c>InputDir/listings/</c> when that folder exists, else from <c>InputDir</c> itself (so a folder of
/// scrapes can be imported directly); subfolders are searched, README.md files ignored.
/// </summary>
public sealed record ImportOptions(string InputDir, string ArchiveDir)
{
    /// <summary>Receives (files done, files total) as listing files are read.</summary>
    public IProgress<(int Done, int Total)>? Progress { get; init; }

    /// <summary>Import even when inputs and archive are unchanged since the last import.</summary>
    public bool Force { get; init; }

    /// <summary>
    /// When false, an import that is up to date only hashes the archive's pages instead of reading them
    /// into the model: the report then has the right counts but an empty <see cref="ImportReport.Archive"/>.
    /// For callers that only print the summary (the CLI); a build needs the model and keeps the default.
    /// </summary>
    public bool ReadArchiveWhenUpToDate { get; init; } = true;

    /// <summary>Archive pages parsed before (the build keeps one with the site); the report carries the updated one.</summary>
    public ArchivePageCache? Cache { get; init; }
}
