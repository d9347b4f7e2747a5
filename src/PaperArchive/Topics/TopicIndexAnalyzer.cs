using Lucene.Net.Analysis;

namespace PaperArchive.Topics;

/// <summary>
/// Per-field analysis for the paper index and topic queries: English with surface words for title,
/// abstract and keywords (<see cref="TopicTextAnalysis.EnglishWithSurface"/>); folded names for authors and organisation. Multi-valued fields get a large
/// position gap so a phrase never matches across two values ("Mary John" + "Smith Lee" is not
/// "john smith").
/// </summary>
internal sealed class TopicIndexAnalyzer : AnalyzerWrapper
{
    private readonly Analyzer _englishWithSurface = TopicTextAnalysis.EnglishWithSurface();
    private readonly Analyzer _surface = TopicTextAnalysis.Surface();

    public TopicIndexAnalyzer()
        : base(PER_FIELD_REUSE_STRATEGY)
    {
    }

    protected override Analyzer GetWrappedAnalyzer(string fieldName) =>
        fieldName switch
        {
            TopicFields.Authors or TopicFields.Organization => _surface,
            _ => _englishWithSurface,
        };

    public override int GetPositionIncrementGap(string fieldName) => 100;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _englishWithSurface.Dispose();
            _surface.Dispose();
        }
        base.Dispose(disposing);
    }
}
