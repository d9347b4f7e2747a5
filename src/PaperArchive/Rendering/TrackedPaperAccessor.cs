using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace PaperArchive.Rendering;

/// <summary>
/// How templates read a <see cref="Model.PaperModel"/>: Scriban's own accessor, noting each member a
/// page reads (<see cref="PageDependencies.PaperMembers"/>). A day page that shows titles and upvotes
/// then depends on those members of its papers only, so a new day that changes an old paper's
/// similar-papers list re-renders that paper's page, not every list the paper is on.
/// Listing the members (a template looping over a paper's keys) counts as reading all of them.
/// </summary>
internal sealed class TrackedPaperAccessor(IObjectAccessor inner, PageTemplateContext page) : IObjectAccessor
{
    // Read at each access, not once: a cached partial notes its reads apart while it renders (PartialCache).
    private PageDependencies Recorded => page.Dependencies;

    /// <summary>Stands for every member in <see cref="PageDependencies.PaperMembers"/>.</summary>
    public const string AllMembers = "*";

    public bool HasIndexer => inner.HasIndexer;

    public Type? IndexType => inner.IndexType;

    public int GetMemberCount(TemplateContext context, SourceSpan span, object target)
    {
        Recorded.PaperMembers.Add(AllMembers);
        return inner.GetMemberCount(context, span, target);
    }

    public IEnumerable<string> GetMembers(TemplateContext context, SourceSpan span, object target)
    {
        Recorded.PaperMembers.Add(AllMembers);
        return inner.GetMembers(context, span, target);
    }

    public bool HasMember(TemplateContext context, SourceSpan span, object target, string member)
    {
        Recorded.PaperMembers.Add(member);
        return inner.HasMember(context, span, target, member);
    }

    public bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value)
    {
        Recorded.PaperMembers.Add(member);
        return inner.TryGetValue(context, span, target, member, out value);
    }

    public bool TrySetValue(TemplateContext context, SourceSpan span, object target, string member, object? value) =>
        inner.TrySetValue(context, span, target, member, value);

    public bool TryGetItem(TemplateContext context, SourceSpan span, object target, object index, out object? value)
    {
        Recorded.PaperMembers.Add(AllMembers);
        return inner.TryGetItem(context, span, target, index, out value);
    }

    public bool TrySetItem(TemplateContext context, SourceSpan span, object target, object index, object? value) =>
        inner.TrySetItem(context, span, target, index, value);
}
