using PaperArchive.Common;

namespace PaperArchive.Rendering;

/// <summary>What rendering wrote: HTML pages, other files (feeds, assets, sitemaps), and problems found.</summary>
public sealed record RenderReport(int Pages, int Files, IReadOnlyList<string> Paths, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
