using System.Runtime.InteropServices;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace PaperArchive.Search;

/// <summary>
/// Analyses papers for the index on one thread (not thread-safe): one analyzer, one term-count table
/// and one pool of term strings, all reused from paper to paper. Analysing thousands of papers
/// otherwise spends much of its time growing fresh dictionaries and allocating a string per term per
/// paper (and collecting them); a term this thread has seen before costs no allocation.
/// </summary>
internal sealed class SearchTermCounter : IDisposable
{
    private readonly Analyzer _analyzer = SearchAnalyzer.Create();
    private readonly Dictionary<string, int> _counts = new(256, StringComparer.Ordinal);
    private readonly HashSet<string> _pool = new(StringComparer.Ordinal);

    /// <summary>Every field of one paper through the analysis chain: distinct terms in first occurrence, frequencies, lengths.</summary>
    public SearchPaperTerms Analyze(string[] texts)
    {
        var table = new List<string>();
        var tfs = new List<int>();
        var starts = new int[texts.Length + 1];
        var lengths = new int[texts.Length];
        for (var f = 0; f < texts.Length; f++)
        {
            _counts.Clear();
            lengths[f] = string.IsNullOrWhiteSpace(texts[f]) ? 0 : Count(texts[f]);
            starts[f] = table.Count;
            // A dictionary never removed from (only cleared) enumerates in insertion order: first occurrence.
            foreach (var (term, tf) in _counts)
            {
                table.Add(term);
                tfs.Add(tf);
            }
        }
        starts[texts.Length] = table.Count;
        return new SearchPaperTerms(table.ToArray(), Enumerable.Range(0, table.Count).ToArray(), tfs.ToArray(), starts, lengths);
    }

    private int Count(string text)
    {
        var counts = _counts.GetAlternateLookup<ReadOnlySpan<char>>();
        var pool = _pool.GetAlternateLookup<ReadOnlySpan<char>>();
        var length = 0;
        using var stream = _analyzer.GetTokenStream("f", new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var span = term.Buffer.AsSpan(0, term.Length);
            ref var count = ref CollectionsMarshal.GetValueRefOrNullRef(counts, span);
            if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref count))
            {
                count++;
            }
            else
            {
                if (!pool.TryGetValue(span, out var name))
                {
                    name = span.ToString();
                    _pool.Add(name);
                }
                _counts.Add(name, 1);
            }
            length++;
        }
        stream.End();
        return length;
    }

    public void Dispose() => _analyzer.Dispose();
}
