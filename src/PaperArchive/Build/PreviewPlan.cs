using PaperArchive.Common;
using PaperArchive.Rendering;

namespace PaperArchive.Build;

/// <summary>
/// What <see cref="SiteBuilder.Plan"/> found: the <see cref="SiteRenderPlan"/> a build would render
/// now, or the theme's load error (<see cref="Errors"/>), or neither (<see cref="NeedsBuild"/>: the
/// data must be imported first, so only a full build can show the change).
/// </summary>
public sealed record PreviewPlan(SiteRenderPlan? Render, IReadOnlyList<Diagnostic> Errors)
{
    public static PreviewPlan NeedsBuild { get; } = new(null, []);

    public bool NeedsImport => Render is null && Errors.Count == 0;
}
