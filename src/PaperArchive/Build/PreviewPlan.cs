using PaperArchive.Common;
using PaperArchive.Rendering;

namespace PaperArchive.Build;

/// <summary>
/// What <see cref="SiteBuilder.Plan"/> found: the <see cref="SiteRenderPlan"/> a build would render
/// now, or the theme's load error, or neither (<see cref="NeedsBuild"/>: the data must be imported
/// first, so only a full build can show the change). <see cref="Diagnostics"/> are what the build would
/// report before rendering: the cached import and topic diagnostics, the configuration's, the theme's load error.
/// </summary>
public sealed record PreviewPlan(SiteRenderPlan? Render, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static PreviewPlan NeedsBuild { get; } = new(null, []);

    public bool NeedsImport => Render is null && Diagnostics.Count == 0;
}
