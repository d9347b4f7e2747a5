using PaperArchive.Ingest;

namespace PaperArchive.Tests.Ingest;

/// <summary>
/// Golden files: the full observation dump of every HTML and text fixture, reviewed by eye when written.
/// <c>PAPERARCHIVE_UPDATE_GOLDEN=1</c> rewrites them; review the diff.
/// </summary>
public class GoldenTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { IngestFixtures.Seed, "seed-search-copy" },
        { IngestFixtures.TextCopy, "papers-search-text-copy" },
        { IngestFixtures.MarkdownCopy, "papers-search-markdown-copy" },
        { IngestFixtures.ListingHtml, "papers-listing-2024-08-01" },
        { IngestFixtures.PaperHtml, "paper-page-2509.24002" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixture_reads_as_the_golden_dump(string fixture, string name)
    {
        var result = ListingReader.ReadText(IngestFixtures.Text(fixture), fixture);
        var actual = ObservationDumper.Dump(result, fixture);
        var goldenPath = Path.Combine(IngestFixtures.RepoRoot, "tests", "PaperArchive.Tests", "Ingest", "Text", "Golden", name + ".expected.json");
        if (Environment.GetEnvironmentVariable("PAPERARCHIVE_UPDATE_GOLDEN") == "1" || !File.Exists(goldenPath))
        {
            File.WriteAllText(goldenPath, actual);
            if (Environment.GetEnvironmentVariable("PAPERARCHIVE_UPDATE_GOLDEN") != "1")
            {
                Assert.Fail($"golden file {goldenPath} was missing and has been written; review it and run again");
            }
        }
        Assert.Equal(File.ReadAllText(goldenPath).Replace("\r\n", "\n"), actual);
    }
}
