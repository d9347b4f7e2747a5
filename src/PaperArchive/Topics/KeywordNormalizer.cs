using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using PaperArchive.Model;

namespace PaperArchive.Topics;

/// <summary>
/// Groups the sources' noisy AI keywords into concepts. Two keywords are one concept when their
/// English-analysed token sequences are equal (case, plurals, hyphens, stop words), when they differ
/// only in spacing ("fine-tuning" / "finetuning"), or through an acronym: the built-in
/// <see cref="KeywordAcronyms"/> table, or an "expansion (ACRONYM)" pair seen in the data when that
/// acronym is only ever expanded one way. A concept is shown in its most frequent surface form
/// (ties: ordinal).
/// </summary>
internal sealed partial class KeywordNormalizer
{
    private readonly Analyzer _analyzer = TopicTextAnalysis.English();
    private readonly Dictionary<string, string[]> _tableTokens;
    private readonly Dictionary<string, string> _tableExpansion;
    private readonly List<(string Acronym, string[] Expansion)> _expansionTokens = [];
    private readonly Dictionary<string, KeywordParts> _parts = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, KeywordParts>? _known;

    /// <param name="known">
    /// Each raw keyword's analysis from an earlier run of the same engine (<see cref="Analyzed"/>): pure functions of the
    /// keyword, so an incremental build analyses only keywords it has not met before.
    /// </param>
    public KeywordNormalizer(IReadOnlyDictionary<string, KeywordParts>? known = null)
    {
        _known = known;
        _tableTokens = new Dictionary<string, string[]>(StringComparer.Ordinal);
        _tableExpansion = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (acronym, expansion) in KeywordAcronyms.Table)
        {
            var key = TopicTextAnalysis.Terms(_analyzer, acronym);
            if (key.Count == 1)
            {
                _tableTokens[key[0]] = [.. TopicTextAnalysis.Terms(_analyzer, expansion)];
                _tableExpansion[acronym] = expansion;
                _tableExpansion[acronym + "s"] = expansion;
                _expansionTokens.Add((acronym, _tableTokens[key[0]]));
            }
        }
    }

    /// <summary>The normalised keywords of every paper (display forms, source order, one per concept) and the per-concept paper counts.</summary>
    public KeywordResult Normalize(IReadOnlyList<Paper> papers)
    {
        var sets = new UnionFind();
        var occurrences = new List<(int Paper, string Surface, string Node)>();
        var learned = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);

        for (var p = 0; p < papers.Count; p++)
        {
            foreach (var raw in papers[p].AiKeywords)
            {
                // The same keyword recurs on thousands of papers: its analysis is done once per build (or taken from the last).
                var (surface, node, squashed, acronymKey, expansionNode, _) = Analyze(raw);
                if (surface.Length == 0)
                {
                    continue;
                }
                sets.Add(node);
                sets.Union(node, squashed);
                if (acronymKey is not null && expansionNode is not null)
                {
                    if (!learned.TryGetValue(acronymKey, out var expansions))
                    {
                        learned[acronymKey] = expansions = new SortedSet<string>(StringComparer.Ordinal);
                    }
                    expansions.Add(sets.Find(expansionNode));
                }
                occurrences.Add((p, surface, node));
            }
        }

        // An acronym the data expands in two different ways ("SR": super-resolution, speech recognition)
        // is left alone; one expanded consistently joins its expansion.
        foreach (var (acronymKey, expansions) in learned.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var roots = expansions.Select(sets.Find).Distinct().ToList();
            if (roots.Count == 1 && sets.Contains("k:" + acronymKey))
            {
                sets.Union("k:" + acronymKey, roots[0]);
            }
        }

        // Display form: per concept, the surface form used by most papers; ties ordinal.
        var surfaceCounts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var conceptPapers = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var seen = new HashSet<(int, string, string)>();
        foreach (var (paper, surface, node) in occurrences)
        {
            var root = sets.Find(node);
            if (seen.Add((paper, root, surface)))
            {
                if (!surfaceCounts.TryGetValue(root, out var counts))
                {
                    surfaceCounts[root] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
                }
                counts[surface] = counts.GetValueOrDefault(surface) + 1;
            }
            if (!conceptPapers.TryGetValue(root, out var set))
            {
                conceptPapers[root] = set = [];
            }
            set.Add(paper);
        }
        var display = surfaceCounts.ToDictionary(
            e => e.Key,
            e => e.Value.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key,
            StringComparer.Ordinal);

        var perPaper = new List<string>[papers.Count];
        for (var p = 0; p < papers.Count; p++)
        {
            perPaper[p] = [];
        }
        var added = new HashSet<(int, string)>();
        foreach (var (paper, _, node) in occurrences)
        {
            var root = sets.Find(node);
            if (added.Add((paper, root)))
            {
                perPaper[paper].Add(display[root]);
            }
        }
        var paperCounts = conceptPapers.ToDictionary(e => display[e.Key], e => e.Value.Count, StringComparer.Ordinal);
        return new KeywordResult(perPaper, paperCounts);
    }

    /// <summary>Every raw keyword analysed by <see cref="Normalize"/> and <see cref="WithExpansions"/> so far (for the next run's <c>known</c>).</summary>
    public IReadOnlyDictionary<string, KeywordParts> Analyzed => _parts;

    private KeywordParts Analyze(string raw)
    {
        if (_parts.TryGetValue(raw, out var part))
        {
            return part;
        }
        if (_known is null || !_known.TryGetValue(raw, out part))
        {
            var (surface, node, squashed, acronymKey, expansionNode) = Parts(raw);
            part = new KeywordParts(surface, node, squashed, acronymKey, expansionNode, ComputeWithExpansions(raw));
        }
        return _parts[raw] = part;
    }

    /// <summary>What <see cref="Normalize"/> needs of one raw keyword, all pure functions of it: surface form, concept node, squashed node, learned acronym key and expansion node.</summary>
    private (string Surface, string Node, string Squashed, string? AcronymKey, string? ExpansionNode) Parts(string raw)
    {
        var surface = CollapseSpaces(raw);
        if (surface.Length == 0)
        {
            return (surface, "", "", null, null);
        }
        var (main, acronym, expansion) = SplitParenthesis(surface);
        return acronym is not null && expansion is not null
            ? (surface, "k:" + Key(main), "s:" + Squash(main), Key(acronym), "k:" + Key(expansion))
            : (surface, "k:" + Key(main), "s:" + Squash(main), null, null);
    }

    /// <summary>Concept key of one keyword: its English terms with table acronyms expanded, space-separated.</summary>
    public string Key(string keyword)
    {
        var terms = TopicTextAnalysis.Terms(_analyzer, keyword);
        if (terms.Count == 0)
        {
            return keyword.Trim().ToLowerInvariant();
        }
        var expanded = new List<string>(terms.Count + 4);
        foreach (var term in terms)
        {
            if (_tableTokens.TryGetValue(term, out var tokens))
            {
                expanded.AddRange(tokens);
            }
            else
            {
                expanded.Add(term);
            }
        }
        return string.Join(' ', expanded);
    }

    /// <summary>
    /// The keyword with table acronyms written out and table expansions abbreviated ("LLMs for code" →
    /// "LLMs for code large language model"; "vision-language models" → "... VLM"), for the search index,
    /// so a topic query finds either spelling.
    /// </summary>
    public string WithExpansions(string keyword) => Analyze(keyword).WithExpansions;

    private string ComputeWithExpansions(string keyword)
    {
        var extra = new List<string>();
        var terms = TopicTextAnalysis.Terms(_analyzer, keyword);
        foreach (var (acronym, expansion) in _expansionTokens)
        {
            if (Contains(terms, expansion))
            {
                extra.Add(acronym);
            }
        }
        foreach (Match word in WordPattern().Matches(keyword))
        {
            if (_tableExpansion.TryGetValue(word.Value, out var expansion))
            {
                extra.Add(expansion);
            }
        }
        return extra.Count == 0 ? keyword : keyword + " " + string.Join(' ', extra);
    }

    private static bool Contains(List<string> terms, string[] sequence)
    {
        for (var i = 0; i + sequence.Length <= terms.Count; i++)
        {
            var j = 0;
            while (j < sequence.Length && terms[i + j] == sequence[j])
            {
                j++;
            }
            if (j == sequence.Length)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// "Large Language Model (LLM)" → main "Large Language Model", acronym "LLM"; "LLM (large language model)"
    /// → the same; "Key-Value (KV) cache" → main "Key-Value cache" (no pair learned from a mid-phrase parenthesis).
    /// </summary>
    internal static (string Main, string? Acronym, string? Expansion) SplitParenthesis(string surface)
    {
        var m = ParenthesisPattern().Match(surface);
        if (!m.Success)
        {
            return (surface, null, null);
        }
        var before = m.Groups["before"].Value.Trim();
        var inside = m.Groups["inside"].Value.Trim();
        var after = m.Groups["after"].Value.Trim();
        if (after.Length > 0)
        {
            return (CollapseSpaces(before + " " + after), null, null);
        }
        if (IsAcronymOf(inside, before))
        {
            return (before, inside, before);
        }
        if (IsAcronymOf(before, inside))
        {
            return (inside, before, inside);
        }
        return (before.Length > 0 ? before : inside, null, null);
    }

    /// <summary>A short token with at least two capitals/digits whose first letter starts the expansion.</summary>
    private static bool IsAcronymOf(string acronym, string expansion)
    {
        if (acronym.Length is < 2 or > 10 || acronym.Contains(' ') || !expansion.Contains(' ') && !expansion.Contains('-'))
        {
            return false;
        }
        if (acronym.Count(c => char.IsUpper(c) || char.IsDigit(c)) < 2)
        {
            return false;
        }
        var firstLetter = acronym.FirstOrDefault(char.IsLetterOrDigit);
        var expansionFirst = expansion.FirstOrDefault(char.IsLetterOrDigit);
        return char.ToLowerInvariant(firstLetter) == char.ToLowerInvariant(expansionFirst);
    }

    private static string CollapseSpaces(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Letters and digits only, lower case, one trailing plural "s" dropped: "Fine-Tuning" and "finetuning" meet.</summary>
    private static string Squash(string s)
    {
        var letters = new string(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        return letters.Length > 3 && letters.EndsWith('s') && !letters.EndsWith("ss", StringComparison.Ordinal) ? letters[..^1] : letters;
    }

    [GeneratedRegex(@"^(?<before>[^()]*)\((?<inside>[^()]+)\)(?<after>[^()]*)$")]
    private static partial Regex ParenthesisPattern();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    /// <summary>Disjoint sets over string nodes; the root of a set is its ordinally smallest node, so grouping never depends on input order.</summary>
    private sealed class UnionFind
    {
        private readonly Dictionary<string, string> _parent = new(StringComparer.Ordinal);

        public void Add(string node) => _parent.TryAdd(node, node);

        public bool Contains(string node) => _parent.ContainsKey(node);

        public string Find(string node)
        {
            Add(node);
            var root = node;
            while (_parent[root] != root)
            {
                root = _parent[root];
            }
            while (_parent[node] != root)
            {
                var next = _parent[node];
                _parent[node] = root;
                node = next;
            }
            return root;
        }

        public void Union(string a, string b)
        {
            var ra = Find(a);
            var rb = Find(b);
            if (ra == rb)
            {
                return;
            }
            if (string.CompareOrdinal(ra, rb) < 0)
            {
                _parent[rb] = ra;
            }
            else
            {
                _parent[ra] = rb;
            }
        }
    }
}
