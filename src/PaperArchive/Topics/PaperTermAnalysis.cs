using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace PaperArchive.Topics;

/// <summary>
/// One thread's English analysis of papers' title, keywords and abstract (<see cref="TopicTextAnalysis.EnglishWithSurface"/>):
/// the token sequences, to index without a second analysis (<see cref="RecordedTokenStream"/>), and the
/// paper's stem frequencies for similar papers (<see cref="SimilarityTerms"/>). Not thread-safe: one per thread.
/// Term strings are interned per instance, so a token costs a lookup, not an allocation.
/// </summary>
internal sealed class PaperTermAnalysis : IDisposable
{
    /// <summary>Similarity's fields and their boosts, in the order their terms are gathered (title first: the densest statement of what a paper is about).</summary>
    public static readonly (string Field, int Boost)[] SimilarityFields =
        [(TopicFields.Title, 2), (TopicFields.Keywords, 1), (TopicFields.Abstract, 1)];

    private readonly Analyzer _analyzer = TopicTextAnalysis.EnglishWithSurface();
    private readonly Dictionary<string, string> _interned = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public PaperTermAnalysis() => _lookup = _interned.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The tokens of <paramref name="text"/> as the index analyzer makes them for <paramref name="field"/>, into <paramref name="tokens"/> (cleared first).</summary>
    public void Analyze(string field, string text, List<(string Term, int Increment)> tokens)
    {
        tokens.Clear();
        using var stream = _analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var position = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var span = term.Buffer.AsSpan(0, term.Length);
            if (!_lookup.TryGetValue(span, out var s))
            {
                s = span.ToString();
                _interned[s] = s;
            }
            tokens.Add((s, position.PositionIncrement));
        }
        stream.End();
    }

    /// <summary>
    /// What similar papers reads of one paper: each stem (words-as-written copies skipped) with its
    /// boosted frequency summed over <see cref="SimilarityFields"/>, gathered field by field and within a
    /// field in index term order (UTF-8 byte order). This is exactly the order in which walking the
    /// index's postings field by field met the paper's terms, so sums over it are bit-for-bit the same.
    /// The token lists are in <see cref="SimilarityFields"/> order.
    /// </summary>
    public static (string Term, int Frequency)[] SimilarityTerms(IReadOnlyList<List<(string Term, int Increment)>> fieldTokens)
    {
        var total = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        var perField = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var f = 0; f < SimilarityFields.Length; f++)
        {
            perField.Clear();
            foreach (var (raw, _) in fieldTokens[f])
            {
                if (raw.Length == 0 || raw[0] == SurfaceMarkFilter.Mark)
                {
                    continue;
                }
                var term = AsIndexed(raw);
                perField[term] = perField.GetValueOrDefault(term) + 1;
            }
            var terms = perField.Keys.ToArray();
            Array.Sort(terms, Utf8Order);
            var boost = SimilarityFields[f].Boost;
            foreach (var term in terms)
            {
                if (total.TryGetValue(term, out var old))
                {
                    total[term] = old + boost * perField[term];
                }
                else
                {
                    total[term] = boost * perField[term];
                    order.Add(term);
                }
            }
        }
        var result = new (string, int)[order.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (order[i], total[order[i]]);
        }
        return result;
    }

    /// <summary>The term as the index stores it: UTF-8, so an unpaired surrogate becomes U+FFFD (as Lucene encodes it).</summary>
    internal static string AsIndexed(string term)
    {
        foreach (var c in term)
        {
            if (char.IsSurrogate(c))
            {
                return Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(term));
            }
        }
        return term;
    }

    /// <summary>Lucene's term order: UTF-8 bytes, i.e. code points (ordinal UTF-16 order differs only for surrogates against U+E000–U+FFFF).</summary>
    internal static readonly Comparison<string> Utf8Order = (a, b) =>
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            var x = a[i];
            var y = b[i];
            if (x != y)
            {
                return Fix(x) - Fix(y);
            }
        }
        return a.Length - b.Length;
    };

    /// <summary>Maps UTF-16 code units to an order matching code points: surrogates above U+E000–U+FFFF.</summary>
    private static int Fix(char c) => c >= 0xE000 ? c - 0x800 : c >= 0xD800 ? c + 0x2000 : c;

    public void Dispose() => _analyzer.Dispose();
}
