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
public sealed class PageRenderer(ThemeTemplates templates, SiteModel site, IReadOnlySet<string>? sitePaths = null, AssetManifest? assets = null)
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
        // Fingerprinted (content-hashed) name when the build has a manifest; `asset_url` is the same function.
        Func<string, string> asset = path => Rel(page.Path, assets is null ? SiteUrls.Asset(path) : assets.SitePath(path));
        globals.Import("asset", asset);
        globals.Import("asset_url", asset);
        // Citation files written beside this page (or another page's path): BibTeX and RIS links.
        globals.Import("exports", new Func<string?, ExportLinkModel[]>(path => Exports(path, sitePaths)));
        globals.Import("partial_exists", new Func<string, bool>(name => templates.FindPartial(name) is not null));
        // Lets a theme link to a page only when the site has it (topic and keyword pages, topics index).
        globals.Import("exists", new Func<string?, bool>(path => path is not null && (sitePaths is null || sitePaths.Contains(path))));
        globals.Import("plural", new Func<long, string, string, string>(Plural));

        var context = new TemplateContext
        {
            LoopLimit = 0,
            LimitToString = 0,
            RecursiveLimit = 100,
            StrictVariables = true,
            TemplateLoader = templates,
            MemberRenamer = StandardMemberRenamer.Default,
            NewLine = "\n",
            // Strict variables only catch unknown variables; a misspelt member (paper.titel) would
            // silently render nothing, so an unknown member is an error too.
            TryGetMember = UnknownMember,
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
        return TidyWhitespace(output);
    }

    private static bool UnknownMember(TemplateContext context, Scriban.Parsing.SourceSpan span, object target, string member, out object value)
    {
        // Script objects (dictionaries) and lists have their own rules; only typed template models are strict.
        if (target is ScriptObject or System.Collections.IDictionary or System.Collections.IEnumerable)
        {
            value = null!;
            return false;
        }
        throw new ScriptRuntimeException(span, $"'{member}' is not a member of {target.GetType().Name} (see the template model in src/PaperArchive/Rendering/README.md)");
    }

    /// <summary>The export files (<see cref="SiteUrls.Export"/>) the site has for the page at <paramref name="pagePath"/>.</summary>
    public static ExportLinkModel[] Exports(string? pagePath, IReadOnlySet<string>? sitePaths)
    {
        if (string.IsNullOrEmpty(pagePath) || sitePaths is null)
        {
            return [];
        }
        return ExportLinkModel.Formats
            .Select(f => new ExportLinkModel(f.Format, f.Label, f.MediaType, SiteUrls.Export(pagePath, f.Format)))
            .Where(e => sitePaths.Contains(e.Url))
            .ToArray();
    }

    /// <summary>"1 paper", "2 papers" (invariant digits).</summary>
    public static string Plural(long count, string one, string many) =>
        count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);

    /// <summary>
    /// Drops the whitespace-only lines that template tags leave behind, except inside
    /// <c>&lt;pre&gt;</c> and <c>&lt;textarea&gt;</c>, where whitespace is content.
    /// </summary>
    public static string TidyWhitespace(string html)
    {
        var sb = new System.Text.StringBuilder(html.Length);
        var preserve = 0;
        foreach (var line in html.Split('\n'))
        {
            var opens = CountTag(line, "<pre") + CountTag(line, "<textarea");
            var closes = CountTag(line, "</pre") + CountTag(line, "</textarea");
            if (preserve > 0 || !string.IsNullOrWhiteSpace(line))
            {
                sb.Append(preserve > 0 ? line : line.TrimEnd()).Append('\n');
            }
            preserve = Math.Max(0, preserve + opens - closes);
        }
        return sb.ToString();
    }

    private static int CountTag(string line, string tag)
    {
        var n = 0;
        for (var i = line.IndexOf(tag, StringComparison.OrdinalIgnoreCase); i >= 0; i = line.IndexOf(tag, i + tag.Length, StringComparison.OrdinalIgnoreCase))
        {
            n++;
        }
        return n;
    }

    private string RenderOne(TemplateContext context, string fullPath)
    {
        var template = templates.Get(fullPath);
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException e) when (e.InnerException is ThemeException inner)
        {
            throw inner;
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
