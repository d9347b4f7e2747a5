using System.Collections.Concurrent;
using AngleSharp.Html.Parser;
using PaperArchive.Common;

namespace PaperArchive.Build;

/// <summary>
/// Checks a built site: every page parses as HTML without errors, and every relative
/// <c>href</c>/<c>src</c> resolves to a file in the site. Absolute URLs (http:, mailto:, …) are not
/// fetched — the site must work offline. Diagnostics name the page and the line/column.
/// </summary>
public static class SiteChecker
{
    public static CheckReport Check(string siteDir)
    {
        var root = Path.GetFullPath(siteDir);
        var pages = Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];
        var diagnostics = new ConcurrentBag<Diagnostic>();
        var links = 0;
        Parallel.ForEach(pages, file =>
        {
            var rel = Path.GetRelativePath(root, file).Replace('\\', '/');
            var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
            parser.Error += (_, e) =>
            {
                if (e is AngleSharp.Html.Dom.Events.HtmlErrorEvent error)
                {
                    diagnostics.Add(Diagnostic.Error(rel, $"line {error.Position.Line}, column {error.Position.Column}", "HTML: " + error.Message));
                }
            };
            using var stream = File.OpenRead(file);
            var document = parser.ParseDocument(stream);
            var baseHref = document.QuerySelector("base[href]")?.GetAttribute("href");
            foreach (var element in document.QuerySelectorAll("[href], [src]"))
            {
                foreach (var attribute in new[] { "href", "src" })
                {
                    var value = element.GetAttribute(attribute);
                    if (value is null || element.LocalName == "base")
                    {
                        continue;
                    }
                    Interlocked.Increment(ref links);
                    var problem = Resolve(root, rel, baseHref, value);
                    if (problem is not null)
                    {
                        var pos = element.SourceReference?.Position;
                        diagnostics.Add(Diagnostic.Error(rel, pos is null ? null : $"line {pos.Value.Line}, column {pos.Value.Column}", problem));
                    }
                }
            }
        });
        var sorted = diagnostics
            .OrderBy(d => d.File, StringComparer.Ordinal)
            .ThenBy(d => d.Location, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
        return new CheckReport(pages.Count, links, sorted);
    }

    /// <summary>
    /// One diagnostic per distinct problem: a link broken on 300 pages (say, to a page kind the
    /// site lacks) is one line naming the first page and the count, not 300 lines.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Summarize(IReadOnlyList<Diagnostic> diagnostics)
    {
        return diagnostics
            .GroupBy(d => NormalizeTarget(d.Message), StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.First();
                var pages = g.Select(d => d.File).Distinct(StringComparer.Ordinal).Count();
                return pages <= 1 ? first : first with { Message = first.Message + $" (and on {pages - 1} more pages)" };
            })
            .OrderBy(d => d.File, StringComparer.Ordinal)
            .ThenBy(d => d.Location, StringComparer.Ordinal)
            .ToList();

        // "../topics/x.html" and "../../topics/x.html" are the same target seen from different depths.
        static string NormalizeTarget(string message) => message.Replace("../", "", StringComparison.Ordinal);
    }

    /// <summary>Null when <paramref name="link"/> is fine, else why it is broken.</summary>
    internal static string? Resolve(string root, string pagePath, string? baseHref, string link)
    {
        var (target, problem) = ResolveTarget(pagePath, baseHref, link);
        return problem ?? (target is null ? null : Exists(root, target, link, null));
    }

    /// <summary>
    /// Where a link on <paramref name="pagePath"/> points, as a site-relative path ('/'-separated), without
    /// touching the disk: (null, null) for links that need no file (fragments, data:, absolute URLs),
    /// (null, problem) for links that are broken whatever the site holds.
    /// </summary>
    internal static (string? Target, string? Problem) ResolveTarget(string pagePath, string? baseHref, string link)
    {
        var value = link.Trim();
        if (value.Length == 0)
        {
            return (null, "empty link");
        }
        if (value.StartsWith('#') || value.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return (null, null);
        }
        if (Uri.TryCreate(value, UriKind.Absolute, out var abs) && !value.StartsWith('/'))
        {
            return (null, abs.Scheme is "javascript" or "vbscript" ? $"script link '{link}'" : null);
        }
        if (value.StartsWith("//", StringComparison.Ordinal))
        {
            return (null, null);
        }
        var path = value.Split('#', 2)[0].Split('?', 2)[0];
        if (path.Length == 0)
        {
            return (null, null);
        }
        string combined;
        if (path.StartsWith('/') || baseHref is not null)
        {
            // Root-relative links only work at a domain root; a <base> page (404) is resolved from the site root.
            if (baseHref is null)
            {
                return (null, $"root-relative link '{link}' breaks under a path prefix and from file://");
            }
            var basePath = Uri.TryCreate(baseHref, UriKind.Absolute, out var b) ? b.AbsolutePath : baseHref;
            combined = path.StartsWith(basePath, StringComparison.Ordinal) ? path[basePath.Length..] : path.TrimStart('/');
        }
        else
        {
            var slash = pagePath.Replace('\\', '/').LastIndexOf('/');
            combined = (slash < 0 ? "" : pagePath[..(slash + 1)].Replace('\\', '/')) + path;
        }
        var segments = new List<string>();
        foreach (var segment in Uri.UnescapeDataString(combined).Replace('\\', '/').Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }
            if (segment == "..")
            {
                if (segments.Count == 0)
                {
                    return (null, $"link '{link}' leaves the site");
                }
                segments.RemoveAt(segments.Count - 1);
                continue;
            }
            segments.Add(segment);
        }
        return (string.Join('/', segments), null);
    }

    /// <summary>Null when <paramref name="target"/> (site-relative) is a file of the site, else why the link is broken.</summary>
    internal static string? Exists(string root, string target, string link, IReadOnlySet<string>? known)
    {
        if (known is not null && known.Contains(target))
        {
            return null;
        }
        var full = Path.Combine(root, target);
        if (File.Exists(full))
        {
            return null;
        }
        // `known` lists the whole site when the build updates it in place (the staging folder has only what changed).
        var folderIndex = target.Length == 0 ? "index.html" : target.TrimEnd('/') + "/index.html";
        if (known is not null && known.Contains(folderIndex))
        {
            return $"link '{link}' points at a folder (works on a server, not from file://); link its index.html";
        }
        if (Directory.Exists(full))
        {
            return File.Exists(Path.Combine(full, "index.html"))
                ? $"link '{link}' points at a folder (works on a server, not from file://); link its index.html"
                : $"link '{link}' points at a folder without index.html";
        }
        return $"broken link '{link}'";
    }
}
