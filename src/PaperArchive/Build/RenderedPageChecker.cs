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
    // One entry per distinct target, not per link: a 20,000-paper site has millions of links but a
    // few hundred thousand targets. The ordinal-first page linking a target stands for the rest.
    private readonly ConcurrentDictionary<string, Occurrences> _targets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _kinds = new(StringComparer.Ordinal);
    private readonly IReadOnlySet<string>? _sitePaths;

    public RenderedPageChecker()
    {
    }

    /// <summary>
    /// <paramref name="sitePaths"/>: paths the build writes (<see cref="Rendering.SiteRenderPlan.SitePaths"/>). A link to one
    /// of them is good and is not remembered: at 100,000 papers, remembering every target took ~200 MB.
    /// </summary>
    public RenderedPageChecker(IReadOnlySet<string> sitePaths) => _sitePaths = sitePaths;

    public void Inspect(SitePage rendered, string html)
    {
        var page = rendered.Path;
        var (links, baseHref) = LinkScanner.Scan(html);
        var onThisPage = new HashSet<string>(StringComparer.Ordinal);
        // A page repeats most of its links (navigation, a paper's author list): each value is resolved once.
        var resolved = new Dictionary<string, (string? Target, string? Problem)>(StringComparer.Ordinal);
        foreach (var link in links)
        {
            if (!resolved.TryGetValue(link.Value, out var result))
            {
                result = SiteChecker.ResolveTarget(page, baseHref, link.Value);
                resolved[link.Value] = result;
            }
            var (target, problem) = result;
            if (problem is not null)
            {
                Add(page, $"line {link.Line}, column {link.Column}", problem);
            }
            else if (target is not null && _sitePaths?.Contains(target) != true && onThisPage.Add(target))
            {
                _targets.GetOrAdd(target, _ => new Occurrences(page, link.Value, link.Line, link.Column)).Seen(page, link.Value, link.Line, link.Column);
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
        Parallel.ForEach(_targets, t =>
        {
            var problem = SiteChecker.Exists(root, t.Key, t.Value.Link, known);
            if (problem is not null)
            {
                var first = t.Value.First;
                var more = t.Value.Pages - 1;
                Add(first, $"line {t.Value.Line}, column {t.Value.Column}", more > 0 ? problem + $" (and on {more} more pages)" : problem);
            }
        });
        return _problems.ToDictionary(
            kv => kv.Key,
            kv => (IReadOnlyList<PageProblem>)kv.Value.Distinct().OrderBy(p => p.Location, StringComparer.Ordinal).ThenBy(p => p.Message, StringComparer.Ordinal).ToList(),
            StringComparer.Ordinal);
    }

    /// <summary>Where a link was first seen (the ordinal-first page, so the report is the same whatever the thread order) and on how many pages.</summary>
    private sealed class Occurrences(string page, string link, int line, int column)
    {
        private readonly Lock _gate = new();
        private int _pages;

        public string First { get; private set; } = page;

        public string Link { get; private set; } = link;

        public int Line { get; private set; } = line;

        public int Column { get; private set; } = column;

        public int Pages
        {
            get
            {
                lock (_gate)
                {
                    return _pages;
                }
            }
        }

        /// <summary>Counts one more page (each page adds a link once), which stands for the rest when it sorts first.</summary>
        public void Seen(string page, string link, int line, int column)
        {
            lock (_gate)
            {
                _pages++;
                if (string.CompareOrdinal(page, First) < 0)
                {
                    (First, Link, Line, Column) = (page, link, line, column);
                }
            }
        }
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
