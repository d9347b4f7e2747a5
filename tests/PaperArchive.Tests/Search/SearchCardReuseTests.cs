using System.Text;
using PaperArchive.Model;
using PaperArchive.Rendering;
using PaperArchive.Search;

namespace PaperArchive.Tests.Search;

/// <summary>
/// Result cards kept from the published build (<see cref="SearchCardState"/>): only a shortcut, so every case
/// ends with the index a build without any cache writes.
/// </summary>
public sealed class SearchCardReuseTests : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(false);

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "pa-search-cards-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, true);
        }
    }

    private static SearchIndexOptions Options => SearchIndexOptions.Default;

    /// <summary>The fixture archive without the papers of its newest day (the build before that day was added).</summary>
    private static ArchiveModel Before()
    {
        var newest = SearchFixtures.Archive.Papers.Max(p => p.FirstSeen);
        return SearchFixtures.Archive with { Papers = SearchFixtures.Archive.Papers.Where(p => p.FirstSeen != newest).ToValueList() };
    }

    private static SortedDictionary<string, string> Cold(ArchiveModel archive) =>
        SearchIndexWriter.Render(SearchIndexBuilder.Build(archive, SearchFixtures.Analysis()), Options);

    [Fact]
    public void With_the_last_builds_cards_only_changed_chunks_are_rendered_and_the_index_is_the_same()
    {
        var analysis = SearchFixtures.Analysis();
        var before = SearchIndexWriter.Render(SearchIndexBuilder.Build(Before(), analysis), Options, null, null);
        var data = SearchIndexBuilder.Build(SearchFixtures.Archive, analysis);
        var cold = SearchIndexWriter.Render(data, Options);

        var reused = SearchIndexWriter.Render(data, Options, before.Cards, _ => true);
        Assert.NotEmpty(reused.Kept);
        Assert.Equal(cold.Keys, reused.Files.Keys.Concat(reused.Kept).Order(StringComparer.Ordinal));
        Assert.All(reused.Files, f => Assert.Equal(cold[f.Key], f.Value));
        // a kept card is the one the last build wrote, which is the one a full build writes now
        Assert.All(reused.Kept, name => Assert.Equal(cold[name], before.Files[name]));
        // the new day's papers take new chunks at the end: those are rendered
        Assert.Contains(reused.Files.Keys, k => k.StartsWith('c'));
        Assert.Equal(cold["root.js"], reused.Files["root.js"]);

        // a card the site cannot keep is rendered after all
        var refused = SearchIndexWriter.Render(data, Options, before.Cards, _ => false);
        Assert.Empty(refused.Kept);
        Assert.Equal(cold, refused.Files);
    }

    [Fact]
    public void An_incremental_build_through_the_site_writer_equals_a_full_build()
    {
        var site = Path.Combine(_dir, "site");
        var cacheFile = Path.Combine(_dir, SearchAnalysisCache.FileName);
        var published = Publish(Before(), site, cacheFile);

        var cache = SearchAnalysisCache.Load(cacheFile);
        Assert.NotNull(cache.PreviousCards);
        var staging = Path.Combine(_dir, "staging");
        var files = new SiteFileWriter(staging, site, published);
        var paths = SearchIndexWriter.Write(SearchIndexBuilder.Build(SearchFixtures.Archive, SearchFixtures.Analysis(), cache), Options, files, cache);
        AssertSite(Cold(SearchFixtures.Archive), paths, staging, site);
        Assert.NotNull(cache.CurrentCards);
        Assert.True(files.Kept > 0);
    }

    [Fact]
    public void Cards_noted_for_another_published_index_are_not_trusted()
    {
        // Build A writes the cache; build B (one title edited) publishes without updating it; build C reverts the
        // edit. C's chunk of that paper has A's inputs, but the published card is B's: the cache must not vouch for it.
        var site = Path.Combine(_dir, "site");
        var cacheFile = Path.Combine(_dir, SearchAnalysisCache.FileName);
        var original = SearchFixtures.Archive;
        Publish(original, site, cacheFile);
        var papers = original.Papers.ToList();
        var at = papers.Count / 2;
        papers[at] = papers[at] with { Title = papers[at].Title + " (edited)" };
        var edited = original with { Papers = papers.ToValueList() };
        Directory.Delete(site, true);
        var publishedB = Publish(edited, site, cacheFile: null);

        var cache = SearchAnalysisCache.Load(cacheFile);
        Assert.NotNull(cache.PreviousCards);
        var staging = Path.Combine(_dir, "staging");
        var paths = SearchIndexWriter.Write(SearchIndexBuilder.Build(original, SearchFixtures.Analysis(), cache), Options, new SiteFileWriter(staging, site, publishedB), cache);
        AssertSite(Cold(original), paths, staging, site);
    }

    [Fact]
    public void A_cache_cut_inside_its_cards_is_an_empty_cache()
    {
        var cacheFile = Path.Combine(_dir, SearchAnalysisCache.FileName);
        Publish(SearchFixtures.Archive, Path.Combine(_dir, "site"), cacheFile);
        Assert.NotNull(SearchAnalysisCache.Load(cacheFile).PreviousCards);
        var bytes = File.ReadAllBytes(cacheFile);
        File.WriteAllBytes(cacheFile, bytes[..^7]);
        var cut = SearchAnalysisCache.Load(cacheFile);
        Assert.Equal(0, cut.Count);
        Assert.Null(cut.PreviousCards);
        File.WriteAllBytes(cacheFile, [.. bytes, 0]);
        Assert.Null(SearchAnalysisCache.Load(cacheFile).PreviousCards);
    }

    /// <summary>A full build's index written into <paramref name="site"/>; the cache saved when a file is given. Returns the files' hashes (the manifest's).</summary>
    private static IReadOnlyDictionary<string, string> Publish(ArchiveModel archive, string site, string? cacheFile)
    {
        var files = new SiteFileWriter(site);
        var cache = SearchAnalysisCache.Empty();
        SearchIndexWriter.Write(SearchIndexBuilder.Build(archive, SearchFixtures.Analysis(), cache), Options, files, cache);
        if (cacheFile is not null)
        {
            SearchAnalysisCache.Write(cacheFile, cache.ToBytes());
        }
        return files.Hashes.ToDictionary();
    }

    /// <summary>Every file of the expected index is the written one: staged when changed, else the published one.</summary>
    private static void AssertSite(SortedDictionary<string, string> expected, IReadOnlyList<string> paths, string staging, string site)
    {
        Assert.Equal(expected.Keys.Select(k => SiteUrls.SearchIndexDir + "/" + k), paths);
        foreach (var (name, text) in expected)
        {
            var path = Path.Combine(SiteUrls.SearchIndexDir, name);
            var file = File.Exists(Path.Combine(staging, path)) ? Path.Combine(staging, path) : Path.Combine(site, path);
            Assert.Equal(Utf8.GetBytes(text), File.ReadAllBytes(file));
        }
    }
}
