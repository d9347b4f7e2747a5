using System.Text.Json;
using PaperArchive.Reader;
using PaperArchive.Rendering;
using PaperArchive.Search;
using PaperArchive.Tests.Rendering;

namespace PaperArchive.Tests.Reader;

/// <summary>The reader's data files: per-paper citations by shard, "For you" term vectors from the search index.</summary>
public class ReaderDataTests : IClassFixture<GoldenTests.Site>
{
    private readonly RenderHarness _h;

    public ReaderDataTests(GoldenTests.Site site) => _h = site.Harness;

    private static JsonElement Data(string script)
    {
        // __paReader.add("k",n,DATA);
        var start = script.IndexOf(',', script.IndexOf(',') + 1) + 1;
        return JsonDocument.Parse(script[start..script.LastIndexOf(')')]).RootElement;
    }

    [Fact]
    public void Every_paper_is_in_the_shard_its_id_hashes_to_with_the_pages_citation()
    {
        var archive = SampleArchive.Create();
        var root = Data(_h.Read("reader/root.js"));
        var shards = root.GetProperty("shards").GetInt32();
        Assert.Equal(ReaderFormat.ShardCount(archive.Papers.Count), shards);
        var site = new SiteContext(archive, SampleArchive.Analysis(), new PaperArchive.Build.SiteConfig());
        foreach (var paper in archive.Papers)
        {
            var shard = Data(_h.Read("reader/m" + ReaderFormat.Shard(paper.Id, shards) + ".js"));
            var row = shard.GetProperty(paper.Id);
            Assert.Equal(SiteUrls.Paper(paper.Id), row[0].GetString());
            Assert.Equal(site.PaperModel(paper.Id).Bibtex, row[5].GetString());
            Assert.StartsWith("TY  - UNPB\r\n", row[6].GetString());
        }
    }

    [Fact]
    public void Shard_hash_is_fnv1a_over_utf16_units()
    {
        // Reference values of 32-bit FNV-1a ("a" = 0xe40c292c), the function reader.js implements.
        Assert.Equal((int)(0xe40c292cu % 7u), ReaderFormat.Shard("a", 7));
        Assert.Equal(0, ReaderFormat.Shard("anything", 1));
    }

    [Fact]
    public void Vectors_come_from_the_search_index_scores_best_term_first()
    {
        var data = SearchIndexBuilder.Build(SampleArchive.Create(), SampleArchive.Analysis());
        var vectors = ReaderVectorWriter.Vectors(data);
        Assert.Equal(data.Docs.Count, vectors.Length);
        for (var d = 0; d < vectors.Length; d++)
        {
            var v = vectors[d];
            Assert.InRange(v.Length, 2, 2 * ReaderVectorWriter.TermsPerPaper);
            Assert.Equal(99, v[1]);
            var weights = v.Where((_, i) => i % 2 == 1).Cast<int>().ToList();
            Assert.Equal(weights.OrderDescending(), weights);
            // Every term is one of the paper's indexed terms.
            foreach (var term in v.Where((_, i) => i % 2 == 0).Cast<string>())
            {
                Assert.Contains(data.Postings[term], p => p.Doc == d);
            }
        }
        var sparse = data.Docs.ToList().FindIndex(p => p.Id == "2606.11111");
        Assert.Contains("spars", vectors[sparse].OfType<string>());

        var files = ReaderVectorWriter.Render(data);
        var recent = Data(files["recent.js"]);
        var ids = recent.GetProperty("docs").EnumerateArray().Select(x => x[0].GetString()).ToList();
        // Listed papers of the last 30 days, newest first; the copy-only paper (dated 15 Jun) too.
        Assert.Equal(["2607.00001", "2606.11111", "2606.22222"], ids.Take(3));
    }
}
