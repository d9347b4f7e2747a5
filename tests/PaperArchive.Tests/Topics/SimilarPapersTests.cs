using PaperArchive.Model;
using PaperArchive.Topics;

namespace PaperArchive.Tests.Topics;

public class SimilarPapersTests
{
    [Fact]
    public void Similar_papers_of_a_kv_cache_paper_are_mostly_kv_cache_or_quantization_or_inference_papers()
    {
        var similar = TopicFixtures.Analysis.For("2607.05061").SimilarIds; // KVpop: KV-cache compression
        Assert.InRange(similar.Count, 5, 10);
        var related = similar.Count(id =>
        {
            var text = (TopicFixtures.Paper(id).Title + " " + TopicFixtures.Paper(id).Abstract).ToLowerInvariant();
            return text.Contains("kv") || text.Contains("key-value") || text.Contains("quantiz") || text.Contains("cache");
        });
        Assert.True(related * 2 > similar.Count, $"only {related} of {similar.Count} similar papers are about KV cache or quantization: {similar}");
        Assert.Equal("2505.15781", similar[0]); // dKV-Cache
        Assert.Contains("2408.00167", similar); // Finch: KV-cache compression
    }

    [Fact]
    public void Similar_papers_of_a_quantization_paper_start_with_quantization_papers()
    {
        var similar = TopicFixtures.Analysis.For("2607.07964").SimilarIds; // KronQ
        Assert.All(similar.Take(2), id => Assert.Contains("quantiz", TopicFixtures.Paper(id).Title, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_paper_is_never_similar_to_itself_and_lists_are_unique()
    {
        Assert.All(TopicFixtures.Analysis.ByPaper.Values, a =>
        {
            Assert.DoesNotContain(a.PaperId, a.SimilarIds);
            Assert.Equal(a.SimilarIds.Count, a.SimilarIds.Distinct().Count());
            Assert.True(a.SimilarIds.Count <= TopicAnalysisOptions.Default.SimilarCount);
        });
        Assert.True(TopicFixtures.Analysis.ByPaper.Values.Count(a => a.SimilarIds.Count >= 5) > TopicFixtures.Archive.Papers.Count * 0.9);
    }

    [Fact]
    public void Analysis_is_identical_across_runs_orders_and_thread_counts()
    {
        var archive = TopicFixtures.Archive;
        var topics = TopicFixtures.Topics;
        var serial = TopicAnalyzer.Analyze(archive, topics, new TopicAnalysisOptions { MaxDegreeOfParallelism = 1 });
        var shuffled = archive with { Papers = archive.Papers.OrderBy(p => p.Id.GetHashCode(StringComparison.Ordinal) ^ 0x5bd1e995).ToValueList() };
        var parallel = TopicAnalyzer.Analyze(shuffled, topics, new TopicAnalysisOptions { MaxDegreeOfParallelism = 2 });
        var again = TopicAnalyzer.Analyze(archive, topics);

        foreach (var other in new[] { parallel, again })
        {
            Assert.Equal(serial.Topics, other.Topics);
            Assert.Equal(serial.KeywordPages.OrderBy(k => k.Key, StringComparer.Ordinal), other.KeywordPages.OrderBy(k => k.Key, StringComparer.Ordinal));
            Assert.Equal(serial.ByPaper.Count, other.ByPaper.Count);
            foreach (var (id, a) in serial.ByPaper)
            {
                Assert.Equal(a, other.ByPaper[id]);
            }
        }
        Assert.NotEqual(archive.Papers.Select(p => p.Id), shuffled.Papers.Select(p => p.Id));
    }

    [Fact]
    public void Ties_go_to_the_smaller_id()
    {
        // Three identical papers: each one's similar list is the other two, in id order.
        var archive = TopicFixtures.Tiny(
            ("b", "Sparse attention kernels", "Block sparse attention for long sequences.", []),
            ("c", "Sparse attention kernels", "Block sparse attention for long sequences.", []),
            ("a", "Sparse attention kernels", "Block sparse attention for long sequences.", []),
            ("x", "Protein folding", "Structures of proteins.", []),
            ("y", "Speech synthesis", "Voices from text.", []));
        var analysis = TopicAnalyzer.Analyze(archive, [], new TopicAnalysisOptions { SimilarMinDocFreq = 1, SimilarMaxDocFreqFraction = 1 });
        Assert.Equal(["b", "c"], analysis.For("a").SimilarIds);
        Assert.Equal(["a", "c"], analysis.For("b").SimilarIds);
        Assert.Equal(["a", "b"], analysis.For("c").SimilarIds);
        Assert.Empty(analysis.For("x").SimilarIds);
    }
}
