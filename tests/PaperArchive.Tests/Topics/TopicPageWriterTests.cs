using PaperArchive.Model;
using PaperArchive.Topics;

namespace PaperArchive.Tests.Topics;

public class TopicPageWriterTests
{
    private static readonly ArchiveModel Archive = new(
        new[]
        {
            new Paper { Id = "2607.00001", ArxivId = "2607.00001", Title = "KV cache [eviction] for *long* contexts", ListedOn = ValueList.Of(new DateOnly(2026, 7, 2)) },
            new Paper { Id = "2606.00002", ArxivId = "2606.00002", Title = "Quantized KV caches", ListedOn = ValueList.Of(new DateOnly(2026, 6, 30)) },
            new Paper { Id = "2607.00003", ArxivId = "2607.00003", Title = "Paged KV cache serving", ListedOn = ValueList.Of(new DateOnly(2026, 7, 2)) },
            new Paper { Id = "t-0123456789ab", Title = "Undated KV cache note" },
            new Paper { Id = "2607.00009", ArxivId = "2607.00009", Title = "Unrelated", ListedOn = ValueList.Of(new DateOnly(2026, 7, 3)) },
        }.ToValueList(),
        ValueList<DayListing>.Empty);

    private static readonly Topic[] Topics =
    [
        new("kv-cache", "KV cache", "Storing and compressing the key-value cache.", "\"kv cache\" OR title:`odd`"),
        new("empty", "Empty | topic", "", "zebrafish"),
    ];

    [Fact]
    public void Pages_match_golden_files()
    {
        var analysis = TopicAnalyzer.Analyze(Archive, Topics, new TopicAnalysisOptions { SimilarCount = 0 });
        var pages = TopicPageWriter.Render(Archive, analysis);
        Assert.Equal(["topics/README.md", "topics/kv-cache.md", "topics/empty.md"], pages.Select(p => p.Path));
        foreach (var (path, text) in pages)
        {
            var golden = Path.Combine(TestPaths.RepoRoot, "tests", "PaperArchive.Tests", "Topics", "Golden", Path.GetFileNameWithoutExtension(path) + ".expected.md");
            if (Environment.GetEnvironmentVariable("PAPERARCHIVE_UPDATE_GOLDEN") == "1")
            {
                File.WriteAllText(golden, text);
            }
            Assert.Equal(File.ReadAllText(golden), text);
        }
    }

    [Fact]
    public void Papers_are_newest_first_and_links_resolve_to_paper_pages()
    {
        var analysis = TopicAnalyzer.Analyze(Archive, Topics, new TopicAnalysisOptions { SimilarCount = 0 });
        var text = TopicPageWriter.Render(Archive, analysis).Single(p => p.Path == "topics/kv-cache.md").Text;
        var order = new[] { "2607.00001", "2607.00003", "2606.00002", "t-0123456789ab" }.Select(id => text.IndexOf(id + ".md", StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.Order(), order);
        Assert.Contains("](../papers/2026-07/2607.00001.md)", text);
        Assert.DoesNotContain("2607.00009", text);
    }

    [Fact]
    public void Write_creates_pages_removes_stale_ones_and_keeps_unchanged_files()
    {
        using var dir = TestPaths.Temp();
        var analysis = TopicAnalyzer.Analyze(Archive, Topics, new TopicAnalysisOptions { SimilarCount = 0 });
        var stale = Path.Combine(dir.Path, "topics", "old-topic.md");
        Directory.CreateDirectory(Path.GetDirectoryName(stale)!);
        File.WriteAllText(stale, "old");
        var written = TopicPageWriter.Write(Archive, analysis, dir.Path);
        Assert.Equal(3, written.Count);
        Assert.False(File.Exists(stale));
        var page = Path.Combine(dir.Path, "topics", "kv-cache.md");
        var stamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(page, stamp);
        TopicPageWriter.Write(Archive, analysis, dir.Path);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(page));
    }
}
