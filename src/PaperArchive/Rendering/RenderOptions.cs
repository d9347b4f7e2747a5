namespace PaperArchive.Rendering;

/// <summary>
/// How <see cref="SiteRenderer.Render(SiteContext, Theme, IReadOnlyList{IPageSource}, string, IProgress{ValueTuple{int, int}}?, RenderOptions?)"/>
/// may reuse the last build. <see cref="PreviousSite"/> is the published site and <see cref="Previous"/> its manifest:
/// a page whose fingerprint and dependencies are unchanged is hard-linked from there instead of rendered
/// (or, updating the site in place, left there).
/// <see cref="Global"/> is what every page depends on (see <see cref="RenderManifest.Global"/>).
/// <see cref="Inspect"/> sees every page rendered and its HTML, e.g. to collect links for the check.
/// </summary>
public sealed record RenderOptions
{
    public string? PreviousSite { get; init; }

    public RenderManifest? Previous { get; init; }

    public string Global { get; init; } = "";

    public Action<SitePage, string>? Inspect { get; init; }

    /// <summary>
    /// Where generated files go (and whether they changed); null writes them straight into the output folder.
    /// With <see cref="SiteFileWriter.PublishedSite"/> set, the build updates that site in place: a page kept
    /// is left where it is instead of being linked into the output folder, which then holds only what changed.
    /// </summary>
    public SiteFileWriter? Files { get; init; }

    /// <summary>Stops the render (<see cref="OperationCanceledException"/>); the caller throws the half-written folder away.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Called every <see cref="SiteRenderer.CheckpointEvery"/> outputs from a rendering thread (the build checks its <see cref="Build.HeapCeiling"/> there).</summary>
    public Action? Checkpoint { get; init; }
}
