using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace PaperArchive.Rendering;

/// <summary>
/// Template variable <c>site</c> (a <see cref="Model.SiteModel"/>'s members under their template
/// names), shared by every page, that notes which members each page reads: a footer that prints
/// <c>site.paper_count</c> makes every page depend on it, one that does not lets an incremental
/// build keep pages when a new day changes the count. Unknown members are errors, as on typed models.
/// </summary>
internal sealed class TrackedSiteObject : ScriptObject
{
    public TrackedSiteObject(Model.SiteModel site)
    {
        this.Import(site, ScriptMemberImportFlags.Property, renamer: StandardMemberRenamer.Default);
        IsReadOnly = true;
    }

    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object value)
    {
        if (!base.TryGetValue(context, span, member, out value!))
        {
            throw new ScriptRuntimeException(span, $"'{member}' is not a member of SiteModel (see the template model in src/PaperArchive/Rendering/README.md)");
        }
        if (context is PageTemplateContext page)
        {
            page.Dependencies.SiteMembers.Add(member);
        }
        return true;
    }
}
