using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PaperArchive.Topics;

/// <summary>Collects every matching doc id (top-level), unscored: topic membership needs no ranking.</summary>
internal sealed class DocCollector : ICollector
{
    private int _docBase;

    public List<int> Docs { get; } = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void Collect(int doc) => Docs.Add(_docBase + doc);

    public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

    public void SetScorer(Scorer scorer)
    {
    }
}
