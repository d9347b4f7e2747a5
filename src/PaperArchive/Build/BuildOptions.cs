namespace PaperArchive.Build;

/// <summary>
/// Where a build reads and writes. Relative paths are relative to the current directory.
/// <see cref="ThemesDir"/> null: <c>themes/</c> in the current directory, else the one shipped beside the program.
/// <see cref="Theme"/> and <see cref="BaseUrl"/> override <c>site.yml</c> when set.
/// </summary>
public sealed record BuildOptions
{
    public string InputDir { get; init; } = "input";
    public string ArchiveDir { get; init; } = "archive";
    public string OutputDir { get; init; } = "site";
    public string? ThemesDir { get; init; }
    public string? Theme { get; init; }
    public string? BaseUrl { get; init; }

    /// <summary>Broken links or HTML errors fail the build (the old site stays in place).</summary>
    public bool Strict { get; init; }

    /// <summary>Skip the link and HTML check (step 8): <c>serve</c> rebuilds on every save and has <c>paperarchive check</c> for it.</summary>
    public bool SkipCheck { get; init; }

    /// <summary>Also write the whole site as a deterministic zip at <c>offline/site.zip</c> (linked from the site) to read from disk.</summary>
    public bool Zip { get; init; }

    /// <summary>
    /// Reuse pages of the published site whose inputs did not change (see <see cref="Rendering.RenderManifest"/>);
    /// false renders every page (<c>paperarchive build --full</c>). The result is the same bytes either way.
    /// </summary>
    public bool Incremental { get; init; } = true;

    /// <summary>
    /// Keeps the imported archive and its analysis between builds of one process (<c>serve</c>): while
    /// <see cref="BuildCache.DataChanged"/> was not called, a build skips import and topics.
    /// </summary>
    public BuildCache? Cache { get; init; }

    /// <summary>
    /// Stops a build that has become pointless (<c>serve</c>: a newer edit arrived). Checked from the theme step
    /// on — never inside import or analysis, which write the archive — and while pages render; a cancelled
    /// build publishes nothing, removes its staging folder and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Receives the current step and (done, total) while pages render.</summary>
    public IProgress<BuildProgress>? Progress { get; init; }
}
