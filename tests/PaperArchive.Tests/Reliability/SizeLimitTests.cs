using System.Text;
using PaperArchive.Archive;
using PaperArchive.Build;
using PaperArchive.Common;
using PaperArchive.Ingest;
using PaperArchive.Topics;

namespace PaperArchive.Tests.Reliability;

/// <summary>
/// Oversized input: a 10 MB abstract, 100,000 authors, a listing of 100,000 items, a 1 GB file where a
/// listing (or topics.yml, site.yml) is expected. Each gives a clear diagnostic naming the file (and
/// item), and the rest of the archive is still built. The huge file is sparse (FileStream.SetLength)
/// and refused by its length before any byte is read; time and memory are measured in bench/, not here.
/// </summary>
public sealed class SizeLimitTests : IDisposable
{
    private readonly TestPaths.TempDir _tmp = TestPaths.Temp();

    public void Dispose() => _tmp.Dispose();

    private string Listings => Path.Combine(_tmp.Path, "input", "listings");

    private static string Item(string id, string title, string summary, string authors) =>
        $"{{\"paper\": {{\"id\": \"{id}\", \"title\": \"{title}\", \"summary\": \"{summary}\", \"authors\": [{authors}], \"upvotes\": 3}}, \"numComments\": 0}}";

    private static string Authors(int n) => string.Join(",", Enumerable.Range(0, n).Select(i => $"{{\"name\": \"Author {i}\"}}"));

    private ImportReport ImportWith(params (string Name, string Json)[] files)
    {
        Directory.CreateDirectory(Listings);
        File.Copy(Path.Combine(TestPaths.Fixtures, "hf-api", "2026-07-15.json"), Path.Combine(Listings, "2026-07-15.json"));
        foreach (var (name, json) in files)
        {
            File.WriteAllText(Path.Combine(Listings, name), json);
        }
        return ArchiveImporter.Import(new ImportOptions(Path.Combine(_tmp.Path, "input"), Path.Combine(_tmp.Path, "archive")));
    }

    private int FixturePapers() => ListingReader.Read(Path.Combine(TestPaths.Fixtures, "hf-api", "2026-07-15.json")).Observations.Count;

    [Fact]
    public void A_10_mb_abstract_is_shortened_with_a_warning_and_the_rest_is_archived()
    {
        var huge = new string('a', 10 * 1024 * 1024);
        var report = ImportWith(("2026-07-16.json", "[" + Item("2607.00001", "Huge", huge, Authors(2)) + "," + Item("2607.00002", "Normal", "Short.", Authors(1)) + "]"));
        var warning = Assert.Single(report.Diagnostics, d => d.Message.Contains("oversized", StringComparison.Ordinal));
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.EndsWith("2026-07-16.json", warning.File, StringComparison.Ordinal);
        Assert.Equal("item 1", warning.Location);
        Assert.Contains("abstract of 10,485,760 characters, kept 65,536", warning.Message, StringComparison.Ordinal);
        var paper = report.Archive.Papers.Single(p => p.Id == "2607.00001");
        Assert.Equal(InputLimits.MaxTextChars + 1, paper.Abstract!.Length);
        Assert.Contains(report.Archive.Papers, p => p.Id == "2607.00002");
        Assert.Equal(FixturePapers() + 2, report.Archive.Papers.Count);
        var page = Directory.EnumerateFiles(Path.Combine(_tmp.Path, "archive", "papers"), "2607.00001.md", SearchOption.AllDirectories).Single();
        Assert.True(new FileInfo(page).Length < 3 * InputLimits.MaxTextChars, "archive page stays small");
    }

    [Fact]
    public void A_paper_with_100000_authors_keeps_the_count_and_a_bounded_list()
    {
        var report = ImportWith(("2026-07-16.json", "[" + Item("2607.00001", "Collaboration", "S.", Authors(100_000)) + "]"));
        var warning = Assert.Single(report.Diagnostics, d => d.Message.Contains("oversized", StringComparison.Ordinal));
        Assert.Contains("100,000 author names, kept the first 5,000", warning.Message, StringComparison.Ordinal);
        var paper = report.Archive.Papers.Single(p => p.Id == "2607.00001");
        Assert.Equal(InputLimits.MaxAuthors, paper.Authors.Count);
        Assert.Equal(100_000, paper.AuthorCount);
        Assert.Equal(FixturePapers() + 1, report.Archive.Papers.Count);
    }

    [Fact]
    public void A_listing_of_100000_items_is_read_whole()
    {
        var sb = new StringBuilder("[");
        for (var i = 0; i < 100_000; i++)
        {
            sb.Append(i == 0 ? "" : ",").Append(Item($"26{i / 10000 % 10 + 1:00}.{i:00000}", "Paper " + i, "S.", "{\"name\": \"A\"}"));
        }
        var path = Path.Combine(_tmp.Path, "2026-07-16.json");
        File.WriteAllText(path, sb.Append(']').ToString());
        var read = ListingReader.Read(path);
        Assert.False(read.Failed, string.Join("\n", read.Diagnostics.Take(3)));
        Assert.Equal(100_000, read.Observations.Select(o => o.Paper.Id).Distinct().Count());
    }

    [Fact]
    public void A_1_gb_file_where_a_listing_is_expected_is_refused_by_its_size_and_the_rest_is_archived()
    {
        Directory.CreateDirectory(Listings);
        var huge = Path.Combine(Listings, "2026-07-16.json");
        using (var fs = new FileStream(huge, FileMode.CreateNew))
        {
            fs.SetLength(1L << 30); // sparse: no gigabyte is written, and none is read
        }
        try
        {
            var report = ImportWith();
            var error = Assert.Single(report.Diagnostics, d => d.Severity == Severity.Error);
            Assert.Equal(huge, error.File);
            Assert.Contains("1024 MiB", error.Message, StringComparison.Ordinal);
            Assert.Contains("larger than 64 MiB", error.Message, StringComparison.Ordinal);
            Assert.Equal(FixturePapers(), report.Archive.Papers.Count);

            var topics = Path.Combine(_tmp.Path, "input", "topics.yml");
            var siteYml = Path.Combine(_tmp.Path, "input", "site.yml");
            foreach (var file in new[] { topics, siteYml })
            {
                using var fs = new FileStream(file, FileMode.CreateNew);
                fs.SetLength(1L << 30);
            }
            var (rules, topicDiagnostics) = TopicRules.Load(topics);
            Assert.Empty(rules);
            Assert.Contains(topicDiagnostics, d => d.File == topics && d.Message.Contains("larger than", StringComparison.Ordinal));
            var (config, siteDiagnostics) = SiteConfigLoader.Load(siteYml);
            Assert.Equal(new SiteConfig(), config);
            Assert.Contains(siteDiagnostics, d => d.File == siteYml && d.Message.Contains("larger than", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(huge);
        }
    }
}
