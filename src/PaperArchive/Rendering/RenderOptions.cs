namespace PaperArchive.Rendering;

/// <summary>
/// How <see cref="SiteRenderer.Render(SiteContext, Theme, IReadOnlyList{IPageSource}, string, IProgress{ValueTuple{int, int}}?, RenderOptions?)"/>
/// may reuse the last build. <see cref="PreviousSite"/> is the published site and <see cref="Previous"/> its manifest:
/// a page whose fingerprint and dependencies are unchanged is hard-linked from there instead of rendered.
/// <see cref="Global"/> is what every page depends on (see <see cref="RenderManifest.Global"/>).
/// <see cref="Inspect"/> sees every page rendered and its HTML, e.g. to collect links for the check.
/// </summary>
public sealed record RenderOptions
{
    public string? PreviousSite { get; init; }

    public RenderManifest? Previous { get; init; }

    public string Global { get; init; } = "";

    public Action<SitePage, string>? Inspect { get; init; }

    /// <summary>Stops the render (<see cref="OperationCanceledException"/>); the caller throws the half-written folder away.</summary>
    public CancellationToken Cancellation { get; init; }
}
