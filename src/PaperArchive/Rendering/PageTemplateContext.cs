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

    /// <summary>Where reads are noted; <see cref="PartialCache"/> swaps in a set of its own while a cached partial renders.</summary>
    public PageDependencies Dependencies { get; set; } = dependencies;

    public string? NextLayout { get; set; }

    /// <summary>
    /// Papers are read through <see cref="TrackedPaperAccessor"/> (Scriban caches the accessor per context, so once per page).
    /// The accessors of the template models (<see cref="Model"/>) are shared by every page: Scriban would otherwise
    /// reflect over each model type again for every page's fresh context (a 20,000-paper site: ~76,000 pages × a dozen types).
    /// Shared safely: they are read-only once built, and every page uses the same member renamer and no filter.
    /// </summary>
    protected override IObjectAccessor? GetMemberAccessorImpl(object target)
    {
        var type = target.GetType();
        var accessor = type.Namespace == ModelNamespace && MemberFilter is null && MemberRenamer == StandardMemberRenamer.Default
            ? Shared.GetOrAdd(type, _ => base.GetMemberAccessorImpl(target))
            : base.GetMemberAccessorImpl(target);
        return target is Model.PaperModel && accessor is not null ? new TrackedPaperAccessor(accessor, this) : accessor;
    }

    private static readonly string ModelNamespace = typeof(Model.PaperModel).Namespace!;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, IObjectAccessor?> Shared = new();
}
