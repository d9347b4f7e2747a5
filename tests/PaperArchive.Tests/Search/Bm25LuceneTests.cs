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
/// The index rounds the collection statistics (document count, average length) so that old shards
/// keep their bytes when papers are added; Lucene is given the same rounded statistics.
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
        var config = new IndexWriterConfig(SearchAnalyzer.Version, SearchAnalyzer.Create()) { Similarity = new StableBm25() };
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
        var searcher = new IndexSearcher(DirectoryReader.Open(dir)) { Similarity = new StableBm25() };
        return (data, searcher);
    }

    [Fact]
    public void The_rounded_statistics_are_exact_for_small_counts_and_move_in_coarse_steps()
    {
        Assert.Equal(63, Bm25Field.StableDocCount(63));
        Assert.Equal(19968, Bm25Field.StableDocCount(20000));
        Assert.Equal(19968, Bm25Field.StableDocCount(20479));
        Assert.Equal(20480, Bm25Field.StableDocCount(20480));
        // a day of 20 papers at 20,000 rarely moves it: 512-paper steps
        Assert.True(Enumerable.Range(0, 26).Select(day => Bm25Field.StableDocCount(20000 + 20 * day)).Distinct().Count() <= 2);
        Assert.Equal(184f, Bm25Field.StableAverage(180.3f));
        Assert.Equal(12.5f, Bm25Field.StableAverage(12.3f));
        foreach (var a in new[] { 1.3f, 7.9f, 12.3f, 180.3f, 250f })
        {
            Assert.InRange(Bm25Field.StableAverage(a), a * 0.969f, a * 1.031f);
        }
        Assert.Equal(1f, Bm25Field.StableAverage(1f));
        foreach (var n in new[] { 100, 1000, 5000, 20000, 50000, 1_000_000 })
        {
            Assert.InRange(Bm25Field.StableDocCount(n), n * 0.96, n);
        }
    }

    /// <summary>Lucene's BM25 with the index's rounded collection statistics.</summary>
    private sealed class StableBm25 : BM25Similarity
    {
        protected override float Idf(long docFreq, long numDocs) => base.Idf(docFreq, Bm25Field.StableDocCount((int)numDocs));

        protected override float AvgFieldLength(CollectionStatistics collectionStats) => Bm25Field.StableAverage(base.AvgFieldLength(collectionStats));
    }
}
