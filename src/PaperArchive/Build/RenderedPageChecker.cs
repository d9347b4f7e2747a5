using System.Collections.Concurrent;
using AngleSharp.Html.Parser;
using PaperArchive.Common;
using PaperArchive.Rendering;

namespace PaperArchive.Build;

/// <summary>
/// The build's link and HTML check (step 8), fed each page as it is rendered (<see cref="Inspect"/>),
/// so no page is read back from disk. Every link of every rendered page is scanned
/// (<see cref="LinkScanner"/>) and resolved against the files the build wrote; the HTML of a sample
/// of pages — the first two rendered of each page kind, and one in <see cref="HtmlSampleEvery"/> of the
/// others, chosen by a hash of the path — is parsed with AngleSharp for errors.
/// Templates make pages of a kind alike, so the sample finds template mistakes; <c>paperarchive check</c>
/// parses every page. Thread-safe.
/// </summary>
public sealed class RenderedPageChecker
{
    public const int HtmlSampleEvery = 64;

    private readonly ConcurrentDictionary<string, ConcurrentBag<PageProblem>> _problems = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<(string Page, string Target, string Link, string Location)> _targets = [];
    private readonly ConcurrentDictionary<string, int> _kinds = new(StringComparer.Ordinal);

    public void Inspect(SitePage rendered, string html)
    {
        var page = rendered.Path;
        var (links, baseHref) = LinkScanner.Scan(html);
        foreach (var link in links)
        {
            var location = $"line {link.Line}, column {link.Column}";
            var (target, problem) = SiteChecker.ResolveTarget(page, baseHref, link.Value);
            if (problem is not null)
            {
                Add(page, location, problem);
            }
            else if (target is not null)
            {
                _targets.Add((page, target, link.Value, location));
            }
        }
        if (_kinds.AddOrUpdate(rendered.Kind, 1, (_, n) => n + 1) <= 2 || StableHash(page) % HtmlSampleEvery == 0)
        {
            var parser = new HtmlParser();
            parser.Error += (_, e) =>
            {
                if (e is AngleSharp.Html.Dom.Events.HtmlErrorEvent error)
                {
                    Add(page, $"line {error.Position.Line}, column {error.Position.Column}", "HTML: " + error.Message);
                }
            };
            parser.ParseDocument(html);
        }
    }

    /// <summary>Resolves the collected links against <paramref name="siteDir"/> (<paramref name="known"/>: files written, checked first) and returns the problems of each page.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<PageProblem>> Finish(string siteDir, IReadOnlySet<string> known)
    {
        var root = Path.GetFullPath(siteDir);
        var verdicts = new ConcurrentDictionary<(string Target, string Link), string?>();
        Parallel.ForEach(_targets, t =>
        {
            var problem = verdicts.GetOrAdd((t.Target, t.Link), k => SiteChecker.Exists(root, k.Target, k.Link, known));
            if (problem is not null)
            {
                Add(t.Page, t.Location, problem);
            }
        });
        return _problems.ToDictionary(
            kv => kv.Key,
            kv => (IReadOnlyList<PageProblem>)kv.Value.Distinct().OrderBy(p => p.Location, StringComparer.Ordinal).ThenBy(p => p.Message, StringComparer.Ordinal).ToList(),
            StringComparer.Ordinal);
    }

    private void Add(string page, string? location, string message) => _problems.GetOrAdd(page, _ => []).Add(new PageProblem(location, message));

    // string.GetHashCode is randomised per process; the sample must be the same on every run (FNV-1a).
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return hash;
    }
}
