using System.Runtime.InteropServices;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;

namespace PaperArchive.Search;

/// <summary>
/// Analyses papers for the index on one thread (not thread-safe): the analyzer, a term-count table,
/// a pool of term strings and a memo of the filter chain, all reused from paper to paper.
/// </summary>
/// <remarks>
/// <see cref="SearchAnalyzer"/>'s chain is a tokenizer followed by filters that each look at one token
/// alone (possessive, lower case, stop words, Porter stemmer: none depends on the tokens around it, on
/// positions or on token types). So the tokenizer runs over the text and each distinct raw token goes
/// through the very same Lucene filters once; afterwards the token's term comes from the memo. In an
/// archive of abstracts most tokens are repeats ("the", "model", "language"), so this skips most of the
/// filter work — and the output is Lucene's by construction (<c>SearchTermCounterTests</c> compares it
/// with <see cref="SearchAnalyzer"/> over every fixture text).
/// </remarks>
internal sealed class SearchTermCounter : IDisposable
{
    /// <summary>Bounds the memo's memory on huge archives: past this many raw tokens it starts over.</summary>
    public const int DefaultMemoLimit = 200_000;

    private readonly Analyzer _tokenizer = Analyzer.NewAnonymous((_, reader) =>
        new TokenStreamComponents(new StandardTokenizer(SearchAnalyzer.Version, reader)));

    private readonly Analyzer _filters = Analyzer.NewAnonymous((_, reader) =>
    {
        // EnglishAnalyzer's filters in its order, behind a tokenizer that passes one raw token through whole.
        var source = new KeywordTokenizer(reader);
        TokenStream result = new StandardFilter(SearchAnalyzer.Version, source);
        result = new EnglishPossessiveFilter(SearchAnalyzer.Version, result);
        result = new LowerCaseFilter(SearchAnalyzer.Version, result);
        result = new StopFilter(SearchAnalyzer.Version, result, EnglishAnalyzer.DefaultStopSet);
        result = new PorterStemFilter(result);
        return new TokenStreamComponents(source, result);
    });

    private readonly Dictionary<string, int> _counts = new(256, StringComparer.Ordinal);
    private readonly HashSet<string> _pool = new(StringComparer.Ordinal);

    /// <summary>Raw token → its term, or null when the filters drop it (a stop word).</summary>
    private readonly Dictionary<string, string?> _memo = new(StringComparer.Ordinal);
    private readonly int _memoLimit;

    public SearchTermCounter(int memoLimit = DefaultMemoLimit) => _memoLimit = memoLimit;

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
        var ids = new int[table.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = i;
        }
        return new SearchPaperTerms(table.ToArray(), ids, tfs.ToArray(), starts, lengths);
    }

    private int Count(string text)
    {
        var memo = _memo.GetAlternateLookup<ReadOnlySpan<char>>();
        var length = 0;
        using var stream = _tokenizer.GetTokenStream("f", new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var raw = term.Buffer.AsSpan(0, term.Length);
            if (!memo.TryGetValue(raw, out var name))
            {
                if (_memo.Count >= _memoLimit)
                {
                    _memo.Clear();
                }
                var key = raw.ToString();
                name = Filter(key);
                _memo.Add(key, name);
            }
            if (name is null)
            {
                continue;
            }
            CollectionsMarshal.GetValueRefOrAddDefault(_counts, name, out _)++;
            length++;
        }
        stream.End();
        return length;
    }

    /// <summary>One raw token through the filters: its term (one string per distinct term on this thread), or null.</summary>
    private string? Filter(string raw)
    {
        using var stream = _filters.GetTokenStream("f", new StringReader(raw));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        string? name = null;
        if (stream.IncrementToken())
        {
            var span = term.Buffer.AsSpan(0, term.Length);
            var pool = _pool.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!pool.TryGetValue(span, out name))
            {
                name = span.ToString();
                _pool.Add(name);
            }
            if (stream.IncrementToken())
            {
                throw new InvalidOperationException("The search filters split one token: " + raw);
            }
        }
        stream.End();
        return name;
    }

    public void Dispose()
    {
        _tokenizer.Dispose();
        _filters.Dispose();
    }
}
