using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using System.Runtime.InteropServices;
using Lucene.Net.Util;

namespace PaperArchive.Search;

/// <summary>
/// The one analysis chain of the search index: Lucene's <see cref="EnglishAnalyzer"/> (4.8:
/// StandardTokenizer → StandardFilter → EnglishPossessiveFilter → LowerCaseFilter → StopFilter →
/// PorterStemFilter). The browser client (<c>themes/default/assets/js/search-analyzer.js</c>) ports
/// exactly this chain; a test compares both over the whole fixture corpus.
/// </summary>
public static class SearchAnalyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>A fresh analyzer (Lucene analyzers are not shareable across threads without care).</summary>
    public static Analyzer Create() => new EnglishAnalyzer(Version);

    /// <summary>The indexed terms of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<string> Terms(string text)
    {
        using var analyzer = Create();
        return Terms(analyzer, text);
    }

    /// <summary>
    /// Adds each indexed term of <paramref name="text"/> to <paramref name="counts"/> (term → frequency;
    /// the dictionary must use <see cref="StringComparer.Ordinal"/>) and returns how many there were.
    /// Looks terms up by the analyzer's own buffer, so only a term new to the dictionary costs a string.
    /// </summary>
    public static int CountTerms(Analyzer analyzer, string text, Dictionary<string, int> counts)
    {
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        var length = 0;
        using var stream = analyzer.GetTokenStream("f", new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            CollectionsMarshal.GetValueRefOrAddDefault(lookup, term.Buffer.AsSpan(0, term.Length), out _)++;
            length++;
        }
        stream.End();
        return length;
    }

    /// <summary>The indexed terms of <paramref name="text"/> using an existing analyzer.</summary>
    public static IReadOnlyList<string> Terms(Analyzer analyzer, string text)
    {
        var result = new List<string>();
        using var stream = analyzer.GetTokenStream("f", new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            result.Add(term.ToString());
        }
        stream.End();
        return result;
    }
}
