using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
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
    /// Surface words: standard tokenizer, lower case, accents folded, nothing removed or stemmed.
    /// Names (authors, organisations) and the wildcard shadow fields use it, because "quantiz*" or
    /// "multimodal*" must be matched against the words as written, not against Porter stems
    /// ("multimodal" is indexed as "multimod", "distillation" as "distil").
    /// </summary>
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
        var attr = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(attr.ToString());
        }
        stream.End();
        return terms;
    }

    /// <summary>English stop words (the set <see cref="EnglishAnalyzer"/> removes).</summary>
    public static CharArraySet StopWords => EnglishAnalyzer.DefaultStopSet;
}
