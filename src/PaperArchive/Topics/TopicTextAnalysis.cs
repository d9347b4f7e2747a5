using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace PaperArchive.Topics;

/// <summary>
/// The analyzers shared by indexing, topic queries and keyword normalisation, so that a query term
/// and an indexed term always go through the same chain.
/// </summary>
internal static class TopicTextAnalysis
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>English: standard tokenizer, possessives, lower case, English stop words, Porter stemmer.</summary>
    public static Analyzer English() => new EnglishAnalyzer(Version);

    /// <summary>
    /// English, but every word is kept both as its Porter stem and, marked with
    /// <see cref="SurfaceMarkFilter.Mark"/>, as written (lower-cased), at the same position. Term and
    /// phrase queries (analysed the same way) match any inflection through the stems; wildcards, which
    /// Lucene does not analyse, are marked by the query parser and match the words as written:
    /// "multimodal*" must find "multimodality" although the stem of "multimodal" is "multimod", and
    /// "distill*" must find "distillation" (stem "distil"). Similarity reads only the stems. One field
    /// instead of a stemmed field plus an unstemmed shadow saves a second analysis of every abstract.
    /// </summary>
    public static Analyzer EnglishWithSurface() => Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, source);
        stream = new LowerCaseFilter(Version, stream);
        stream = new StopFilter(Version, stream, EnglishAnalyzer.DefaultStopSet);
        stream = new SurfaceMarkFilter(stream);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    });

    /// <summary>Names (authors, organisations): standard tokenizer, lower case, accents folded; nothing removed or stemmed.</summary>
    public static Analyzer Surface() => Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, source);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(source, stream);
    });

    /// <summary>The terms <paramref name="analyzer"/> makes of <paramref name="text"/>, in order.</summary>
    public static List<string> Terms(Analyzer analyzer, string text, string field = "f")
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var attr = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(attr.ToString());
        }
        stream.End();
        return terms;
    }
}
