using Lucene.Net.Analysis;

namespace PaperArchive.Topics;

/// <summary>
/// Per-field analysis for the paper index and topic queries: English for title, abstract, keywords and
/// the similarity field; surface words for names and the wildcard shadows. Multi-valued fields
/// (authors, keywords) get a large position gap so a phrase never matches across two values
/// ("Mary John" + "Smith Lee" must not match "john smith").
/// </summary>
internal sealed class TopicIndexAnalyzer : AnalyzerWrapper
{
    private readonly Analyzer _english = TopicTextAnalysis.English();
    private readonly Analyzer _surface = TopicTextAnalysis.Surface();

    public TopicIndexAnalyzer()
        : base(PER_FIELD_REUSE_STRATEGY)
    {
    }

    protected override Analyzer GetWrappedAnalyzer(string fieldName) =>
        fieldName switch
        {
            TopicFields.Authors or TopicFields.Organization => _surface,
            _ when fieldName.EndsWith("_surface", StringComparison.Ordinal) => _surface,
            _ => _english,
        };

    public override int GetPositionIncrementGap(string fieldName) => 100;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _english.Dispose();
            _surface.Dispose();
        }
        base.Dispose(disposing);
    }
}
