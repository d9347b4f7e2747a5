using System.Collections.Concurrent;
using System.Globalization;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace PaperArchive.Rendering;

/// <summary>
/// The theme function <c>include_cached "name" key…</c>: renders a partial like <c>include</c> the first
/// time a (partial, keys, page folder depth) comes up in a build and hands every later page the same
/// output — Hugo's <c>partialCached</c>. A paper's card appears on its day, week and month pages, every
/// topic, author, organisation and keyword page that lists it, and the home page: one render instead of
/// ten or more. The folder depth is part of every key because <c>rel</c> links are relative to the page.
/// <para>
/// Incremental builds stay exact: what the partial read while it rendered (paper and <c>site</c> members,
/// theme files, <c>exists</c> answers — <see cref="PageDependencies"/>) is stored with its output and
/// replayed into every page that takes it from the cache, so a page fingerprints and re-renders exactly
/// as if it had rendered the partial itself.
/// </para>
/// <para>
/// Memory is bounded: once <see cref="Budget"/> bytes are cached, nothing more is added (a miss then renders
/// as <c>include</c> does). Pages render in the order of their sources, so the cards kept are those of the
/// day pages, rendered first: every paper's card at the depth of day, week, month, topic, author and
/// keyword pages. The output is the same either way.
/// </para>
/// Thread-safe: two pages that miss the same key at once both render it (the same bytes).
/// </summary>
internal sealed class PartialCache(IScriptCustomFunction include, long budget) : IScriptCustomFunction
{
    /// <summary>
    /// Bytes of cached output (and keys) kept by default: 64 MB. A default-theme card is ~700 bytes and most papers
    /// appear at two folder depths, so a 20,000-paper site's cards (~37,000 entries, ~30 MB) fit whole; at 100,000
    /// papers the first ~80,000 cards rendered are kept.
    /// </summary>
    public const long DefaultBudget = 64L << 20;

    // Dictionary entry, key and value objects, byte array header: roughly, per entry.
    private const int EntryOverhead = 120;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Reads> _reads = new(StringComparer.Ordinal);
    private long _bytes;
    private long _hits;
    private long _misses;

    public long Budget { get; } = budget;

    /// <summary>Renders that came from the cache, renders that filled it (for measurements and tests).</summary>
    public (long Hits, long Misses) Counts => (Interlocked.Read(ref _hits), Interlocked.Read(ref _misses));

    /// <summary>Lets go of every entry (after a whole-site render: its memory is not needed by the build's later steps).</summary>
    public void Clear()
    {
        _entries.Clear();
        _reads.Clear();
        Interlocked.Exchange(ref _bytes, 0);
    }

    public int RequiredParameterCount => 1;

    public int ParameterCount => 1;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;

    public Type ReturnType => typeof(object);

    public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), index == 0 ? "name" : "key");

    public int GetParameterIndexByName(string name) => name == "name" ? 0 : -1;

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        new(Invoke(context, callerContext, arguments, blockStatement));

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        var span = callerContext?.Span ?? default;
        if (arguments.Count == 0 || arguments[0] is not string name || name.Length == 0)
        {
            throw new ScriptRuntimeException(span, "include_cached expects the partial's name first, then the values its output depends on (include_cached \"paper-card\" p.id)");
        }
        var page = (PageTemplateContext)context;
        var key = Key(name, page.PagePath, arguments, span);
        if (Budget <= 0)
        {
            return include.Invoke(context, callerContext, arguments, blockStatement);
        }
        if (_entries.TryGetValue(key, out var hit))
        {
            Interlocked.Increment(ref _hits);
            hit.Reads.ReplayInto(page.Dependencies);
            return System.Text.Encoding.UTF8.GetString(hit.Utf8);
        }

        // Record what the partial reads on its own, then hand it on to the page as well.
        var outer = page.Dependencies;
        var own = new PageDependencies();
        page.Dependencies = own;
        object? result;
        try
        {
            result = include.Invoke(context, callerContext, arguments, blockStatement);
        }
        finally
        {
            page.Dependencies = outer;
        }
        var reads = Intern(own);
        reads.ReplayInto(outer);
        Interlocked.Increment(ref _misses);
        if (result is string output)
        {
            // Stored as UTF-8 (cards are mostly ASCII: half the memory of a string), decoded again on each hit.
            var bytes = System.Text.Encoding.UTF8.GetBytes(output);
            var cost = bytes.Length + 2L * key.Length + EntryOverhead;
            if (Interlocked.Add(ref _bytes, cost) <= Budget)
            {
                if (!_entries.TryAdd(key, new Entry(bytes, reads)))
                {
                    Interlocked.Add(ref _bytes, -cost);
                }
            }
            else
            {
                // Full: keep what is there (see the class comment).
                Interlocked.Add(ref _bytes, -cost);
            }
        }
        return result;
    }

    /// <summary>Name, the page's folder depth (<c>rel</c> links depend on it) and each key value, with its type.</summary>
    private static string Key(string name, string pagePath, ScriptArray arguments, Scriban.Parsing.SourceSpan span)
    {
        var depth = 0;
        foreach (var c in pagePath)
        {
            if (c == '/')
            {
                depth++;
            }
        }
        var key = new System.Text.StringBuilder(name.Length + 32).Append(name).Append('\u001f').Append(depth);
        for (var i = 1; i < arguments.Count; i++)
        {
            key.Append('\u001f');
            switch (arguments[i])
            {
                case null:
                    key.Append('n');
                    break;
                case string s:
                    key.Append('s').Append(s);
                    break;
                case bool b:
                    key.Append(b ? "t" : "f");
                    break;
                case int or long or short or byte or sbyte or uint or ulong or ushort or double or float or decimal:
                    key.Append('#').Append(Convert.ToString(arguments[i], CultureInfo.InvariantCulture));
                    break;
                case DateOnly d:
                    key.Append('d').Append(d.ToString("O", CultureInfo.InvariantCulture));
                    break;
                default:
                    // An object's identity says nothing stable about what it renders to: ask for its id instead.
                    throw new ScriptRuntimeException(span, $"include_cached keys must be strings, numbers, booleans or null (key {i} is a {arguments[i]!.GetType().Name}; pass an id such as p.id)");
            }
        }
        return key.ToString();
    }

    // Most entries read the same few sets (every card reads the same paper members): one shared copy each.
    private Reads Intern(PageDependencies read)
    {
        var signature = string.Join('\u0001', read.SiteMembers) + "\u0002" + string.Join('\u0001', read.PaperMembers) + "\u0002" +
            string.Join('\u0001', read.ThemeFiles.Select(kv => kv.Key + "\u0003" + kv.Value)) + "\u0002" +
            string.Join('\u0001', read.Exists.Select(kv => kv.Key + "\u0003" + (kv.Value ? "1" : "0")));
        return _reads.GetOrAdd(signature, _ => new Reads([.. read.SiteMembers], [.. read.PaperMembers], [.. read.ThemeFiles], [.. read.Exists]));
    }

    private sealed record Entry(byte[] Utf8, Reads Reads);

    private sealed record Reads(string[] SiteMembers, string[] PaperMembers, KeyValuePair<string, string?>[] ThemeFiles, KeyValuePair<string, bool>[] Exists)
    {
        public void ReplayInto(PageDependencies page)
        {
            page.SiteMembers.UnionWith(SiteMembers);
            page.PaperMembers.UnionWith(PaperMembers);
            foreach (var (rel, full) in ThemeFiles)
            {
                page.ThemeFiles[rel] = full;
            }
            foreach (var (path, found) in Exists)
            {
                page.Exists[path] = found;
            }
        }
    }
}
