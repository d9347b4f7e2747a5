using PaperArchive.Common;

namespace PaperArchive.Rendering;

/// <summary>What rendering wrote: HTML pages, other files (feeds, assets, sitemaps), and problems found.</summary>
public sealed record RenderReport(int Pages, int Files, IReadOnlyList<string> Paths, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>Pages rendered through the theme (the rest were reused from the previous build).</summary>
    public int Rendered { get; init; }

    /// <summary>What was rendered from what, for the next build to reuse (see <see cref="RenderManifest"/>).</summary>
    public RenderManifest? Manifest { get; init; }
}
