using Scriban;
using Scriban.Runtime;

namespace PaperArchive.Rendering;

/// <summary>
/// The per-page <see cref="TemplateContext"/>: carries the page being rendered, the layout it asked
/// for next, and what it read (<see cref="PageDependencies"/>), so that the theme functions and the
/// <c>site</c> object can be built once and shared by every page and thread.
/// </summary>
internal sealed class PageTemplateContext(ScriptObject builtins, string pagePath, PageDependencies dependencies) : TemplateContext(builtins)
{
    public string PagePath { get; } = pagePath;

    public PageDependencies Dependencies { get; } = dependencies;

    public string? NextLayout { get; set; }

    /// <summary>Papers are read through <see cref="TrackedPaperAccessor"/> (Scriban caches the accessor per context, so once per page).</summary>
    protected override IObjectAccessor? GetMemberAccessorImpl(object target)
    {
        var accessor = base.GetMemberAccessorImpl(target);
        return target is Model.PaperModel && accessor is not null ? new TrackedPaperAccessor(accessor, Dependencies) : accessor;
    }
}
