using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using PaperArchive.Search;

namespace PaperArchive.Tests.Search;

/// <summary>
/// The precomputed scores must be what Lucene itself computes: index the fixtures in an in-memory
/// Lucene index with <see cref="BM25Similarity"/> and compare a boosted multi-field BooleanQuery.
/// </summary>
public class Bm25LuceneTests
{
    private static readonly Lazy<(SearchIndexData Data, IndexSearcher Searcher)> Index = new(Build);

    [Theory]
    [InlineData("diffus")]
    [InlineData("agent")]
    [InlineData("video", "gener")]
    [InlineData("reinforc", "learn", "reward")]
    [InlineData("retriev")]
    [InlineData("wang")]
    public void Scores_equal_a_Lucene_BM25_boolean_query(params string[] terms)
    {
        var (data, searcher) = Index.Value;
        var query = new BooleanQuery();
        foreach (var term in terms)
        {
            for (var f = 0; f < SearchSchema.Fields.Count; f++)
            {
                query.Add(new TermQuery(new Term(SearchSchema.Fields[f], term)) { Boost = SearchSchema.Weights[f] }, Occur.SHOULD);
            }
        }
        var hits = searcher.Search(query, data.Docs.Count).ScoreDocs;
        var expected = new Dictionary<int, float>();
        foreach (var term in terms)
        {
            foreach (var p in data.Postings[term])
            {
                expected[p.Doc] = expected.GetValueOrDefault(p.Doc) + p.Score;
            }
        }
        Assert.NotEmpty(hits);
        Assert.Equal(expected.Count, hits.Length);
        foreach (var hit in hits)
        {
            Assert.True(expected.TryGetValue(hit.Doc, out var mine), "doc " + hit.Doc + " missing");
            Assert.InRange(mine, hit.Score * (1 - 1e-5f) - 1e-5f, hit.Score * (1 + 1e-5f) + 1e-5f);
        }
    }

    private static (SearchIndexData, IndexSearcher) Build()
    {
        var archive = SearchFixtures.Archive;
        var analysis = SearchFixtures.Analysis();
        var data = SearchIndexBuilder.Build(archive, analysis);
        var dir = new RAMDirectory();
        var config = new IndexWriterConfig(SearchAnalyzer.Version, SearchAnalyzer.Create()) { Similarity = new BM25Similarity() };
        using (var writer = new IndexWriter(dir, config))
        {
            foreach (var paper in data.Docs)
            {
                var a = analysis.For(paper.Id);
                var titles = a.TopicSlugs.Select(s => analysis.Topics.First(t => t.Slug == s).Title);
                var texts = SearchIndexBuilder.FieldTexts(paper, a, titles);
                var doc = new Document();
                for (var f = 0; f < texts.Length; f++)
                {
                    if (!string.IsNullOrWhiteSpace(texts[f]))
                    {
                        doc.Add(new TextField(SearchSchema.Fields[f], texts[f], Field.Store.NO));
                    }
                }
                writer.AddDocument(doc);
            }
            writer.ForceMerge(1);
        }
        var searcher = new IndexSearcher(DirectoryReader.Open(dir)) { Similarity = new BM25Similarity() };
        return (data, searcher);
    }
}
