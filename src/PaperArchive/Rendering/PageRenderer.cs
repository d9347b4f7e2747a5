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
public sealed class PageRenderer
{
    /// <summary>Blocks a layout can always read (empty unless a page captured them).</summary>
    public static readonly IReadOnlyList<string> Blocks = ["content", "head", "scripts"];

    private const int MaxLayoutDepth = 8;

    private readonly ThemeTemplates templates;
    private readonly SiteModel site;
    private readonly IReadOnlySet<string>? sitePaths;
    private readonly AssetManifest? assets;

    // Built once and shared (read-only) by every page: Scriban's builtins (a fresh TemplateContext
    // would deep-clone them per page), the theme functions (they read the page from the context),
    // the tracked `site` object and the theme's defaults.
    private readonly ScriptObject _builtins = new Scriban.Functions.BuiltinFunctions();
    private readonly ScriptObject _functions;
    private readonly TrackedSiteObject _site;
    private readonly PartialCache _partials;

    /// <param name="partialCacheBudget">Bytes of <c>include_cached</c> output kept (see <see cref="PartialCache"/>); 0 renders every <c>include_cached</c> like <c>include</c>.</param>
    public PageRenderer(ThemeTemplates templates, SiteModel site, IReadOnlySet<string>? sitePaths = null, AssetManifest? assets = null, long partialCacheBudget = PartialCache.DefaultBudget)
    {
        this.templates = templates;
        this.site = site;
        this.sitePaths = sitePaths;
        this.assets = assets;
        _site = new TrackedSiteObject(site);
        _functions = new ScriptObject();
        // Called directly (ThemeFunction), not as imported delegates: Scriban invokes those by reflection.
        _functions.SetValue("layout", ThemeFunction.Action<string>("name", (c, name) => Page(c).NextLayout = name), true);
        _functions.SetValue("rel", ThemeFunction.Of<string?, string>("path", (c, path) => Rel(Page(c).PagePath, path)), true);
        // Fingerprinted (content-hashed) name when the build has a manifest; `asset_url` is the same
        // function. The name depends on the file's bytes, so the page depends on the asset file.
        var asset = ThemeFunction.Of<string, string>("path", (c, path) =>
        {
            var themeRel = SiteUrls.Asset(path);
            Page(c).Dependencies.ThemeFiles[themeRel] = templates.Theme.Find(themeRel);
            return Rel(Page(c).PagePath, this.assets is null ? themeRel : this.assets.SitePath(path));
        });
        _functions.SetValue("asset", asset, true);
        _functions.SetValue("asset_url", asset, true);
        // Citation files written beside this page (or another page's path): BibTeX and RIS links.
        _functions.SetValue("exports", ThemeFunction.Of<string?, ExportLinkModel[]>("path", (c, path) => Exports(path, sitePaths, Page(c).Dependencies)), true);
        _functions.SetValue("partial_exists", ThemeFunction.Of<string, bool>("name", (c, name) => templates.FindPartial(name, Page(c).Dependencies) is not null), true);
        // Lets a theme link to a page only when the site has it (topic and keyword pages, topics index).
        _functions.SetValue("exists", ThemeFunction.Of<string?, bool>("path", (c, path) =>
        {
            var found = path is not null && (sitePaths is null || sitePaths.Contains(path));
            if (path is not null)
            {
                Page(c).Dependencies.Exists[path] = found;
            }
            return found;
        }), true);
        _functions.SetValue("plural", ThemeFunction.Of<long, string, string, string>("count", "one", "many", (_, count, one, many) => Plural(count, one, many)), true);
        // A partial whose output depends only on its keys (and the page's folder depth): rendered once per build (see PartialCache).
        _partials = new PartialCache(_builtins["include"] as IScriptCustomFunction ?? throw new InvalidOperationException("Scriban has no include function"), partialCacheBudget);
        _functions.SetValue("include_cached", _partials, true);
        _functions.IsReadOnly = true;
    }

    public ThemeTemplates Templates => templates;

    /// <summary><c>include_cached</c> renders taken from the cache and renders that filled it, so far.</summary>
    public (long Hits, long Misses) PartialCacheCounts => _partials.Counts;

    /// <summary>Empties the <c>include_cached</c> cache (it refills as pages render); the whole-site render calls it when done.</summary>
    public void ReleasePartialCache() => _partials.Clear();

    public string Render(SitePage page) => Render(page, new PageDependencies());

    /// <summary>Renders <paramref name="page"/>, noting in <paramref name="dependencies"/> what it read besides its data.</summary>
    public string Render(SitePage page, PageDependencies dependencies)
    {
        var names = new[] { page.Kind }.Concat(page.Fallbacks).ToList();
        foreach (var name in names.Append(Theme.DefaultLayout))
        {
            var candidate = "layouts/" + name + ".html";
            var found = templates.Theme.Find(candidate);
            dependencies.ThemeFiles[candidate] = found;
            if (found is not null)
            {
                break;
            }
        }
        var (rel, full) = templates.Theme.FindLayout(names)
            ?? throw new ThemeException(Diagnostic.Error(templates.Theme.Roots.Last(), null,
                $"no layout for page kind '{page.Kind}' (tried {string.Join(", ", names.Append(Theme.DefaultLayout).Select(n => "layouts/" + n + ".html"))})"));

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
        globals["site"] = _site;
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

        var context = new PageTemplateContext(_builtins, page.Path, dependencies)
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
        context.PushGlobal(_functions);
        context.PushGlobal(globals);

        var output = RenderOne(context, full);
        var depth = 0;
        while (context.NextLayout is not null)
        {
            if (++depth > MaxLayoutDepth)
            {
                throw new ThemeException(Diagnostic.Error(templates.Theme.DisplayPath(full), null, $"layouts nest deeper than {MaxLayoutDepth} (a layout names itself?)"));
            }
            var name = context.NextLayout;
            context.NextLayout = null;
            var layoutRel = "layouts/" + name + ".html";
            var layout = templates.Theme.Find(layoutRel);
            dependencies.ThemeFiles[layoutRel] = layout;
            if (layout is null)
            {
                throw new ThemeException(Diagnostic.Error(templates.Theme.DisplayPath(full), null, $"layout '{name}' not found (layouts/{name}.html)"));
            }
            globals["content"] = output;
            output = RenderOne(context, layout);
            full = layout;
        }
        return TidyWhitespace(output);
    }

    private static PageTemplateContext Page(TemplateContext context) => (PageTemplateContext)context;

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

    /// <summary>The export files (BibTeX, RIS) the site has beside <paramref name="pagePath"/>; each question is noted in <paramref name="dependencies"/>.</summary>
    public static ExportLinkModel[] Exports(string? pagePath, IReadOnlySet<string>? sitePaths, PageDependencies? dependencies = null)
    {
        if (string.IsNullOrEmpty(pagePath) || sitePaths is null)
        {
            return [];
        }
        var links = new List<ExportLinkModel>();
        foreach (var f in ExportLinkModel.Formats)
        {
            var url = SiteUrls.Export(pagePath, f.Format);
            var found = sitePaths.Contains(url);
            if (dependencies is not null)
            {
                dependencies.Exists[url] = found;
            }
            if (found)
            {
                links.Add(new ExportLinkModel(f.Format, f.Label, f.MediaType, url));
            }
        }
        return [.. links];
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
        var span = html.AsSpan();
        var start = 0;
        // Most pages have neither element: one scan of the page instead of four per line.
        var mayPreserve = span.Contains("<pre", StringComparison.OrdinalIgnoreCase) || span.Contains("<textarea", StringComparison.OrdinalIgnoreCase);
        while (true)
        {
            var nl = span[start..].IndexOf('\n');
            var line = nl < 0 ? span[start..] : span.Slice(start, nl);
            var hasTag = mayPreserve && line.Contains('<');
            var opens = hasTag ? CountTag(line, "<pre") + CountTag(line, "<textarea") : 0;
            var closes = hasTag ? CountTag(line, "</pre") + CountTag(line, "</textarea") : 0;
            if (preserve > 0)
            {
                sb.Append(line).Append('\n');
            }
            else if (!line.IsWhiteSpace())
            {
                sb.Append(line.TrimEnd()).Append('\n');
            }
            preserve = Math.Max(0, preserve + opens - closes);
            if (nl < 0)
            {
                break;
            }
            start += nl + 1;
        }
        return sb.ToString();
    }

    private static int CountTag(ReadOnlySpan<char> line, string tag)
    {
        var n = 0;
        for (var i = line.IndexOf(tag, StringComparison.OrdinalIgnoreCase); i >= 0; n++)
        {
            var next = line[(i + tag.Length)..].IndexOf(tag, StringComparison.OrdinalIgnoreCase);
            i = next < 0 ? -1 : i + tag.Length + next;
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
