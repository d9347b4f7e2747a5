using PaperArchive.Archive;
using PaperArchive.Common;
using PaperArchive.Ingest;
using PaperArchive.Model;

namespace PaperArchive.Tests.Archive;

public class ArchiveImporterTests
{
    private static ImportReport Import(string input, string archive, bool force = false,
        Func<ArchiveModel, IEnumerable<ListingReadResult>, MergeResult>? merge = null) =>
        ArchiveImporter.Import(new ImportOptions(input, archive) { Force = force }, FakePipeline.Read, merge ?? FakePipeline.Merge);

    private static void Listing(string dir, string name, params string[] lines)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, name))!);
        File.WriteAllLines(Path.Combine(dir, name), lines);
    }

    [Fact]
    public void Imports_listings_into_the_archive_and_reads_back_the_same_model()
    {
        using var tmp = TestDirs.Temp();
        var listings = tmp.Sub("input/listings");
        Listing(listings, "a/2024-06-03.txt", "date: 2024-06-03", "2406.00001|First|3", "2406.00002|Second|1");
        Listing(listings, "b/2024-06-04.json", "date: 2024-06-04", "2406.00001|First, renamed|9", "broken line");
        Listing(listings, "README.md", "not a listing");

        var report = Import(tmp.Sub("input"), tmp.Sub("archive"));
        Assert.False(report.Skipped);
        Assert.Equal(2, report.Files);
        Assert.Equal(2, report.Days);
        Assert.Equal(2, report.Papers);
        Assert.Equal(2, report.NewPapers);
        Assert.Equal(1, report.UpdatedPapers);
        var warning = Assert.Single(report.Diagnostics);
        Assert.Equal("warning: " + Path.Combine(listings, "b/2024-06-04.json") + " (line 3): expected id|title|upvotes", warning.ToString());
        Assert.False(report.HasErrors);
        Assert.Equal(report.Archive, ArchiveReader.Read(tmp.Sub("archive")).Archive);
        Assert.Equal(ValueList.Of(new DateOnly(2024, 6, 3), new DateOnly(2024, 6, 4)), report.Archive.Papers[0].ListedOn);
        Assert.True(File.Exists(tmp.Sub("archive/.import-state.json")));
    }

    [Fact]
    public void Second_import_with_nothing_changed_is_skipped_until_an_input_or_the_archive_changes()
    {
        using var tmp = TestDirs.Temp();
        Listing(tmp.Sub("input/listings"), "2024-06-03.txt", "date: 2024-06-03", "2406.00001|First|3");
        var first = Import(tmp.Sub("input"), tmp.Sub("archive"));
        var state = File.ReadAllText(tmp.Sub("archive/.import-state.json"));

        var second = Import(tmp.Sub("input"), tmp.Sub("archive"));
        Assert.True(second.Skipped);
        Assert.Equal(first.Archive, second.Archive);
        Assert.Equal(1, second.Files);
        Assert.Equal(state, File.ReadAllText(tmp.Sub("archive/.import-state.json")));

        Assert.False(Import(tmp.Sub("input"), tmp.Sub("archive"), force: true).Skipped);

        Listing(tmp.Sub("input/listings"), "2024-06-03.txt", "date: 2024-06-03", "2406.00001|First|4");
        var changedInput = Import(tmp.Sub("input"), tmp.Sub("archive"));
        Assert.False(changedInput.Skipped);
        Assert.Equal(4, changedInput.Archive.Papers[0].Upvotes);
        Assert.True(Import(tmp.Sub("input"), tmp.Sub("archive")).Skipped);

        var page = Directory.EnumerateFiles(tmp.Sub("archive/papers"), "*.md", SearchOption.AllDirectories).Single();
        File.WriteAllText(page, File.ReadAllText(page).Replace("title: \"First\"", "title: \"Fixed by hand\"", StringComparison.Ordinal));
        var edited = Import(tmp.Sub("input"), tmp.Sub("archive"));
        Assert.False(edited.Skipped);
    }

    [Fact]
    public void Up_to_date_check_by_hashes_alone_gives_the_full_reads_counts_and_still_sees_an_edited_page()
    {
        using var tmp = TestDirs.Temp();
        var listings = tmp.Sub("input/listings");
        Listing(listings, "2024-06-03.txt", "date: 2024-06-03", "2406.00001|First|3", "2406.00002|Second|1");
        Listing(listings, "2024-06-04.txt", "date: 2024-06-04", "2406.00001|First|5", "2406.00003|Third|2");
        ImportReport Quick() => ArchiveImporter.Import(
            new ImportOptions(tmp.Sub("input"), tmp.Sub("archive")) { ReadArchiveWhenUpToDate = false }, FakePipeline.Read, FakePipeline.Merge);
        var first = Import(tmp.Sub("input"), tmp.Sub("archive"));
        var full = Import(tmp.Sub("input"), tmp.Sub("archive"));
        Assert.True(full.Skipped);

        var quick = Quick();
        Assert.True(quick.Skipped);
        Assert.Equal((2, 2, 3), (first.Files, first.Days, first.Papers));
        Assert.Equal((full.Files, full.Days, full.Papers), (quick.Files, quick.Days, quick.Papers));
        Assert.Empty(quick.Diagnostics);
        Assert.Empty(quick.Archive.Papers);

        var page = Directory.EnumerateFiles(tmp.Sub("archive/papers"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.WriteAllText(page, "---\nnot: [closed\n");
        var broken = Quick();
        Assert.False(broken.Skipped);
        Assert.True(broken.HasErrors);
        Assert.Equal(3, broken.Archive.Papers.Count);
        Assert.False(Quick().Skipped);
    }

    [Fact]
    public void State_file_is_the_same_for_the_same_inputs_anywhere()
    {
        using var tmp = TestDirs.Temp();
        foreach (var root in new[] { "one", "two" })
        {
            Listing(tmp.Sub(root + "/input/listings"), "x/2024-06-03.txt", "date: 2024-06-03", "2406.00001|First|3");
            Import(tmp.Sub(root + "/input"), tmp.Sub(root + "/archive"));
        }
        Assert.Equal(File.ReadAllText(tmp.Sub("one/archive/.import-state.json")), File.ReadAllText(tmp.Sub("two/archive/.import-state.json")));
        Assert.Contains("\"path\": \"x/2024-06-03.txt\"", File.ReadAllText(tmp.Sub("one/archive/.import-state.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_files_are_errors_but_everything_good_is_written_and_nothing_archived_is_lost()
    {
        using var tmp = TestDirs.Temp();
        var listings = tmp.Sub("input/listings");
        Listing(listings, "2024-06-03.txt", "date: 2024-06-03", "2406.00001|Kept from before|3");
        Import(tmp.Sub("input"), tmp.Sub("archive"));
        File.Delete(Path.Combine(listings, "2024-06-03.txt"));

        Listing(listings, "2024-06-04.txt", "date: 2024-06-04", "2406.00002|New|1");
        Listing(listings, "bad.txt", "BAD");
        Listing(listings, "throws.txt", "THROW");
        var report = Import(tmp.Sub("input"), tmp.Sub("archive"));

        Assert.True(report.HasErrors);
        Assert.Equal(2, report.Errors);
        Assert.Contains(report.Diagnostics, d => d.File == Path.Combine(listings, "bad.txt") && d.Message == "not a listing");
        Assert.Contains(report.Diagnostics, d => d.File == Path.Combine(listings, "throws.txt") && d.Message.Contains("reader bug", StringComparison.Ordinal));
        var ids = ArchiveReader.Read(tmp.Sub("archive")).Archive.Papers.Select(p => p.Id).ToList();
        Assert.Equal(["2406.00001", "2406.00002"], ids);
        Assert.False(Import(tmp.Sub("input"), tmp.Sub("archive")).Skipped);
    }

    [Fact]
    public void A_damaged_archive_page_is_kept_reported_and_fails_the_import()
    {
        using var tmp = TestDirs.Temp();
        Listing(tmp.Sub("input/listings"), "2024-06-03.txt", "date: 2024-06-03", "2406.00001|One|3", "2406.00002|Two|1");
        Import(tmp.Sub("input"), tmp.Sub("archive"));
        var damaged = tmp.Sub("archive/papers/2024-06/2406.00001.md");
        File.WriteAllText(damaged, "---\nid: \"2406.00001\"\ntitle: [oops\n---\n");
        Listing(tmp.Sub("input/listings"), "2024-06-03.txt", "date: 2024-06-03", "2406.00001|One|30", "2406.00002|Two|10");

        var report = Import(tmp.Sub("input"), tmp.Sub("archive"));
        Assert.True(report.HasErrors);
        Assert.Contains(report.Diagnostics, d => d.File == damaged && d.Location is not null && d.Message.Contains("invalid YAML", StringComparison.Ordinal));
        Assert.Equal("---\nid: \"2406.00001\"\ntitle: [oops\n---\n", File.ReadAllText(damaged));
        var two = ArchiveReader.Read(tmp.Sub("archive")).Archive.Papers.Single(p => p.Id == "2406.00002");
        Assert.Equal(10, two.Upvotes);
    }

    [Fact]
    public void A_failing_merge_leaves_the_archive_as_it_was()
    {
        using var tmp = TestDirs.Temp();
        Listing(tmp.Sub("input/listings"), "2024-06-03.txt", "date: 2024-06-03", "2406.00001|One|3");
        Import(tmp.Sub("input"), tmp.Sub("archive"));
        var before = ArchiveReader.Read(tmp.Sub("archive"));
        var report = Import(tmp.Sub("input"), tmp.Sub("archive"), force: true, merge: (_, _) => throw new InvalidOperationException("merge bug"));
        Assert.True(report.HasErrors);
        Assert.Contains(report.Diagnostics, d => d.Message.Contains("merge bug", StringComparison.Ordinal));
        Assert.Equal(before.Digest, ArchiveReader.Read(tmp.Sub("archive")).Digest);
    }

    [Fact]
    public void Listings_are_read_from_the_input_folder_itself_when_it_has_no_listings_folder()
    {
        using var tmp = TestDirs.Temp();
        Listing(tmp.Sub("scrapes"), "deep/er/2024-06-03.txt", "date: 2024-06-03", "2406.00001|One|3");
        var report = Import(tmp.Sub("scrapes"), tmp.Sub("archive"));
        Assert.Equal(1, report.Files);
        Assert.Equal(1, report.Papers);
        Assert.Equal(tmp.Sub("scrapes"), ArchiveImporter.ListingsDir(tmp.Sub("scrapes")));
    }

    [Fact]
    public void Missing_input_folder_is_an_error_not_an_exception()
    {
        using var tmp = TestDirs.Temp();
        var report = Import(tmp.Sub("nope"), tmp.Sub("archive"));
        Assert.True(report.HasErrors);
        Assert.Equal("error: " + tmp.Sub("nope") + ": input folder not found", report.Diagnostics[0].ToString());
    }

    [Fact]
    public void Lone_surrogates_from_a_source_are_archived_as_replacement_characters()
    {
        using var tmp = TestDirs.Temp();
        Listing(tmp.Sub("input"), "x.txt", "date: 2024-06-03", "2406.00001|placeholder|1");
        var report = Import(tmp.Sub("input"), tmp.Sub("archive"), merge: (existing, results) =>
        {
            var m = FakePipeline.Merge(existing, results);
            return m with { Archive = m.Archive with { Papers = m.Archive.Papers.Select(p => p with { Title = "bad \uD800 text" }).ToValueList() } };
        });
        Assert.False(report.HasErrors);
        Assert.Equal("bad \uFFFD text", ArchiveReader.Read(tmp.Sub("archive")).Archive.Papers[0].Title);
        Assert.Equal(report.Archive, ArchiveReader.Read(tmp.Sub("archive")).Archive);
    }

    [Fact]
    public void Progress_reaches_the_total()
    {
        using var tmp = TestDirs.Temp();
        for (var i = 1; i <= 5; i++)
        {
            Listing(tmp.Sub("input"), $"2024-06-0{i}.txt", $"date: 2024-06-0{i}", $"2406.0000{i}|P{i}|1");
        }
        var seen = new List<(int, int)>();
        var progress = new SyncProgress(v => { lock (seen) { seen.Add(v); } });
        ArchiveImporter.Import(new ImportOptions(tmp.Sub("input"), tmp.Sub("archive")) { Progress = progress }, FakePipeline.Read, FakePipeline.Merge);
        Assert.Contains((5, 5), seen);
        Assert.All(seen, v => Assert.Equal(5, v.Item2));
    }

    private sealed class SyncProgress(Action<(int, int)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }
}
