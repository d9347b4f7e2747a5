using PaperArchive.Common;
using PaperArchive.Rendering.Model;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace PaperArchive.Rendering;

/// <summary>
/// Renders one <see cref="SitePage"/> through the theme, composing layouts:
/// <list type="number">
/// <item>the page's layout (found by the lookup table) renders first; it may call
/// <c>{{ layout "baseof" }}</c> to name the layout that wraps it, and may fill blocks with
/// <c>{{ capture head }}…{{ end }}</c> (also <c>scripts</c>);</item>
/// <item>its output becomes the variable <c>content</c> and the named layout renders in the same
/// context (so it sees the blocks); that layout may name another one, and so on.</item>
/// </list>
/// Every page gets a fresh <see cref="TemplateContext"/> (a reused one leaks variables between
/// pages, scriban#357); parsed templates are shared through <see cref="ThemeTemplates"/>.
/// Thread-safe.
/// </summary>
public sealed class PageRenderer(ThemeTemplates templates, SiteModel site)
{
    /// <summary>Blocks a layout can always read (empty unless a page captured them).</summary>
    public static readonly IReadOnlyList<string> Blocks = ["content", "head", "scripts"];

    private const int MaxLayoutDepth = 8;

    public ThemeTemplates Templates => templates;

    public string Render(SitePage page)
    {
        var (rel, full) = templates.Theme.FindLayout(new[] { page.Kind }.Concat(page.Fallbacks))
            ?? throw new ThemeException(Diagnostic.Error(templates.Theme.Roots.Last(), null,
                $"no layout for page kind '{page.Kind}' (tried {string.Join(", ", new[] { page.Kind }.Concat(page.Fallbacks).Append(Theme.DefaultLayout).Select(n => "layouts/" + n + ".html"))})"));

        var globals = new ScriptObject();
        foreach (var block in Blocks)
        {
            globals[block] = "";
        }
        // Variables every layout may test without tripping strict mode.
        globals["papers"] = Array.Empty<PaperModel>();
        globals["pager"] = null;
        globals["lead"] = null;
        foreach (var (key, value) in templates.Theme.Defaults)
        {
            globals[key] = value;
        }
        foreach (var (key, value) in page.Data)
        {
            globals[key] = value;
        }
        globals["site"] = site;
        globals["page"] = new PageModel(
            page.Title,
            page.Path,
            SiteUrls.Absolute(site.BaseUrl, page.Path),
            page.Path.Contains('/') ? SiteUrls.Relative(page.Path, "") : "",
            page.Description ?? site.Description,
            page.Kind,
            page.Prev,
            page.Next,
            page.NoIndex);

        string? nextLayout = null;
        globals.Import("layout", new Action<string>(name => nextLayout = name));
        globals.Import("rel", new Func<string?, string>(path => Rel(page.Path, path)));
        globals.Import("asset", new Func<string, string>(path => Rel(page.Path, SiteUrls.Asset(path))));
        globals.Import("partial_exists", new Func<string, bool>(name => templates.FindPartial(name) is not null));

        var context = new TemplateContext
        {
            LoopLimit = 0,
            LimitToString = 0,
            RecursiveLimit = 100,
            StrictVariables = true,
            TemplateLoader = templates,
            MemberRenamer = StandardMemberRenamer.Default,
            NewLine = "\n",
        };
        context.PushGlobal(globals);

        var output = RenderOne(context, full);
        var depth = 0;
        while (nextLayout is not null)
        {
            if (++depth > MaxLayoutDepth)
            {
                throw new ThemeException(Diagnostic.Error(templates.Theme.DisplayPath(full), null, $"layouts nest deeper than {MaxLayoutDepth} (a layout names itself?)"));
            }
            var name = nextLayout;
            nextLayout = null;
            var layout = templates.Theme.Find("layouts/" + name + ".html")
                ?? throw new ThemeException(Diagnostic.Error(templates.Theme.DisplayPath(full), null, $"layout '{name}' not found (layouts/{name}.html)"));
            globals["content"] = output;
            output = RenderOne(context, layout);
            full = layout;
        }
        return output;
    }

    private string RenderOne(TemplateContext context, string fullPath)
    {
        var template = templates.Get(fullPath);
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            var file = string.IsNullOrEmpty(e.Span.FileName) ? templates.Theme.DisplayPath(fullPath) : e.Span.FileName;
            throw new ThemeException(Diagnostic.Error(file, ThemeTemplates.Where(e.Span), e.OriginalMessage));
        }
    }

    /// <summary>A site-relative path as seen from <paramref name="fromPage"/>; absolute URLs and fragments pass through.</summary>
    public static string Rel(string fromPage, string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            var root = SiteUrls.Relative(fromPage, "");
            return root;
        }
        if (path.StartsWith('#') || path.Contains("://", StringComparison.Ordinal))
        {
            return path;
        }
        return SiteUrls.Relative(fromPage, path.TrimStart('/'));
    }
}
