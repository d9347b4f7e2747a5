using PaperArchive.Model;
using PaperArchive.Search;

namespace PaperArchive.Tests.Search;

public sealed class SearchAnalysisCacheTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "pa-search-cache-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, true);
        }
    }

    private string CacheFile => Path.Combine(_dir, SearchAnalysisCache.FileName);

    private static SortedDictionary<string, string> Render(SearchIndexData data) => SearchIndexWriter.Render(data, SearchIndexOptions.Default);

    [Fact]
    public void A_build_from_the_cache_equals_a_build_without_it_byte_for_byte()
    {
        var archive = SearchFixtures.Archive;
        var analysis = SearchFixtures.Analysis();
        var first = SearchAnalysisCache.Load(CacheFile);
        Assert.Equal(0, first.Count);
        var plain = SearchIndexBuilder.Build(archive, analysis);
        var filled = SearchIndexBuilder.Build(archive, analysis, first);
        Assert.Equal(0, first.Hits);
        first.Save(CacheFile);

        var second = SearchAnalysisCache.Load(CacheFile);
        Assert.Equal(first.Current, second.Count);
        var cached = SearchIndexBuilder.Build(archive, analysis, second);
        // every paper came from the file (duplicate texts share one entry)
        Assert.Equal(second.Count, second.Hits);
        Assert.Equal(Render(plain), Render(filled));
        Assert.Equal(Render(plain), Render(cached));
    }

    [Fact]
    public void Only_changed_or_new_papers_are_analysed_and_the_result_matches_a_fresh_build()
    {
        var archive = SearchFixtures.Archive;
        var analysis = SearchFixtures.Analysis();
        var cache = SearchAnalysisCache.Empty();
        SearchIndexBuilder.Build(archive, analysis, cache);
        cache.Save(CacheFile);

        // one paper's title edited, one paper dropped: the rest are hits
        var papers = archive.Papers.ToList();
        var edited = papers[3] with { Title = papers[3].Title + " Quokka" };
        papers[3] = edited;
        papers.RemoveAt(7);
        var changed = new ArchiveModel(papers.ToValueList(), archive.Days);
        var reloaded = SearchAnalysisCache.Load(CacheFile);
        var viaCache = SearchIndexBuilder.Build(changed, analysis, reloaded);
        Assert.Equal(reloaded.Current - 1, reloaded.Hits);
        Assert.Contains("quokka", viaCache.Terms);
        Assert.Equal(Render(SearchIndexBuilder.Build(changed, analysis)), Render(viaCache));

        // saved again, it remembers this build's papers only (the old title and the dropped paper are gone)
        reloaded.Save(CacheFile);
        Assert.Equal(reloaded.Current, SearchAnalysisCache.Load(CacheFile).Count);
        Assert.True(SearchAnalysisCache.Load(CacheFile).Count <= papers.Count);
    }

    [Fact]
    public void Topic_titles_are_part_of_the_key()
    {
        var archive = SearchFixtures.Archive;
        var analysis = SearchFixtures.Analysis();
        var cache = SearchAnalysisCache.Empty();
        SearchIndexBuilder.Build(archive, analysis, cache);
        cache.Save(CacheFile);
        var renamed = analysis with { Topics = analysis.Topics.Select(t => t.Slug == "agents" ? t with { Title = "Autonomous wombats" } : t).ToValueList() };
        var reloaded = SearchAnalysisCache.Load(CacheFile);
        var data = SearchIndexBuilder.Build(archive, renamed, reloaded);
        Assert.True(reloaded.Hits < reloaded.Current, "papers in the renamed topic must be analysed again");
        Assert.Contains("wombat", data.Terms);
        Assert.Equal(Render(SearchIndexBuilder.Build(archive, renamed)), Render(data));
    }

    [Theory]
    [InlineData("")]
    [InlineData("PASA")]
    [InlineData("not a cache at all, just text")]
    public void A_damaged_or_foreign_file_is_an_empty_cache(string content)
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(CacheFile, content);
        Assert.Equal(0, SearchAnalysisCache.Load(CacheFile).Count);
    }

    [Fact]
    public void A_truncated_file_is_an_empty_cache()
    {
        var cache = SearchAnalysisCache.Empty();
        SearchIndexBuilder.Build(SearchFixtures.Archive, SearchFixtures.Analysis(), cache);
        cache.Save(CacheFile);
        var bytes = File.ReadAllBytes(CacheFile);
        File.WriteAllBytes(CacheFile, bytes[..(bytes.Length / 2)]);
        Assert.Equal(0, SearchAnalysisCache.Load(CacheFile).Count);
    }

    [Fact]
    public void Saving_what_was_loaded_and_nothing_else_gives_the_same_bytes()
    {
        // entries read are saved by copying their bytes: they must be the bytes encoding them gives
        var cache = SearchAnalysisCache.Empty();
        SearchIndexBuilder.Build(SearchFixtures.Archive, SearchFixtures.Analysis(), cache);
        cache.Save(CacheFile);
        var saved = File.ReadAllBytes(CacheFile);
        var reloaded = SearchAnalysisCache.Load(CacheFile);
        SearchIndexBuilder.Build(SearchFixtures.Archive, SearchFixtures.Analysis(), reloaded);
        Assert.Equal(reloaded.Current, reloaded.Hits);
        Assert.Equal(saved, reloaded.ToBytes());

        // one paper fewer and one edited: the copy and the encoded entry read back as a fresh cache would
        var papers = SearchFixtures.Archive.Papers.Skip(1).ToList();
        papers[0] = papers[0] with { Title = "Wombat burrows as graph neural networks" };
        var changed = new ArchiveModel(papers.ToValueList(), SearchFixtures.Archive.Days);
        var again = SearchAnalysisCache.Load(CacheFile);
        SearchIndexBuilder.Build(changed, SearchFixtures.Analysis(), again);
        again.Save(CacheFile);
        var third = SearchAnalysisCache.Load(CacheFile);
        Assert.Equal(again.Current, third.Count);
        var data = SearchIndexBuilder.Build(changed, SearchFixtures.Analysis(), third);
        Assert.Equal(third.Current, third.Hits);
        Assert.Equal(Render(SearchIndexBuilder.Build(changed, SearchFixtures.Analysis())), Render(data));
    }

    [Fact]
    public void Saving_is_deterministic()
    {
        var a = SearchAnalysisCache.Empty();
        SearchIndexBuilder.Build(SearchFixtures.Archive, SearchFixtures.Analysis(), a);
        a.Save(CacheFile);
        var first = File.ReadAllBytes(CacheFile);
        var b = SearchAnalysisCache.Empty();
        SearchIndexBuilder.Build(SearchFixtures.Archive, SearchFixtures.Analysis(), b);
        b.Save(CacheFile);
        Assert.Equal(first, File.ReadAllBytes(CacheFile));
    }
}
