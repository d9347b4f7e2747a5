using System.Collections.Concurrent;
using PaperArchive.Common;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace PaperArchive.Rendering;

/// <summary>
/// Parsed templates of a <see cref="Theme"/>: each file is parsed once, on first use, and shared by
/// every page and thread (a parsed <see cref="Template"/> is read-only; state lives in the
/// per-page <see cref="TemplateContext"/>). Also the <c>include</c> loader: <c>include "paper-list"</c>
/// resolves <c>partials/paper-list.html</c> through the theme's lookup (override first).
/// </summary>
public sealed class ThemeTemplates : ITemplateLoader
{
    private readonly ConcurrentDictionary<string, Lazy<Template>> _cache = new(StringComparer.Ordinal);

    public ThemeTemplates(Theme theme) => Theme = theme;

    public Theme Theme { get; }

    /// <summary>The parsed template of a theme file (absolute path); throws <see cref="ThemeException"/> on syntax errors.</summary>
    public Template Get(string fullPath) =>
        _cache.GetOrAdd(fullPath, p => new Lazy<Template>(() => Parse(p), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>Resolves a partial name ("paper-list", "partials/x.html") to its file, or null.</summary>
    public string? FindPartial(string name) => FindPartial(name, null);

    /// <summary>Like <see cref="FindPartial(string)"/>, noting the lookup in <paramref name="dependencies"/> (incremental builds).</summary>
    public string? FindPartial(string name, PageDependencies? dependencies)
    {
        var rel = name.Contains('/') ? name : "partials/" + name;
        if (!Path.HasExtension(rel))
        {
            rel += ".html";
        }
        var found = Theme.Find(rel);
        if (dependencies is not null)
        {
            dependencies.ThemeFiles[rel] = found;
        }
        return found;
    }

    string ITemplateLoader.GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        var full = FindPartial(templateName, (context as PageTemplateContext)?.Dependencies)
            ?? throw new ThemeException(Diagnostic.Error(callerSpan.FileName, Where(callerSpan), $"partial '{templateName}' not found (looked for partials/{templateName}.html in {string.Join(", ", Theme.Roots)})"));
        // Hand Scriban the already parsed template so that an include costs a dictionary lookup, not a parse.
        context.CachedTemplates[full] = Get(full);
        return full;
    }

    string ITemplateLoader.Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => File.ReadAllText(templatePath);

    ValueTask<string?> ITemplateLoader.LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(File.ReadAllText(templatePath));

    /// <summary>"line 3, column 7" from a Scriban span (whose positions are 0-based).</summary>
    public static string Where(SourceSpan span) => $"line {span.Start.Line + 1}, column {span.Start.Column + 1}";

    private Template Parse(string fullPath)
    {
        var display = Theme.DisplayPath(fullPath);
        var template = Template.Parse(File.ReadAllText(fullPath), display);
        if (template.HasErrors)
        {
            var first = template.Messages.First(m => m.Type == ParserMessageType.Error);
            throw new ThemeException(Diagnostic.Error(display, Where(first.Span), first.Message));
        }
        return template;
    }
}
