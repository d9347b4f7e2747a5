using PaperArchive.Archive;
using PaperArchive.Common;
using PaperArchive.Ingest;

namespace PaperArchive.Tests.Archive;

/// <summary>End to end on the real fixtures: every listing format, imported together, through the archive and back.</summary>
public class ArchiveFixtureTests
{
    [Fact]
    public void Every_fixture_imports_together_and_the_archive_reads_back_to_the_same_model()
    {
        using var tmp = TestDirs.Temp();
        var report = ArchiveImporter.Import(new ImportOptions(TestDirs.Fixtures, tmp.Path));
        Assert.DoesNotContain(report.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(ListingReader.FindListings(TestDirs.Fixtures).Count, report.Files);
        Assert.True(report.Papers > 700, $"only {report.Papers} papers");
        Assert.Equal(report.Papers, report.NewPapers);
        Assert.True(report.Days >= 40, $"only {report.Days} days");

        var read = ArchiveReader.Read(tmp.Path);
        Assert.Empty(read.Diagnostics);
        Assert.Equal(report.Archive, read.Archive);

        // Every fixture's papers are in the archive.
        foreach (var file in ListingReader.FindListings(TestDirs.Fixtures))
        {
            var ids = read.Archive.Papers.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            var result = ListingReader.Read(file);
            Assert.All(result.Observations, o => Assert.True(
                ids.Contains(o.Paper.Id) || read.Archive.Papers.Any(p => p.ArxivId == o.Paper.ArxivId && o.Paper.ArxivId is not null) ||
                read.Archive.Papers.Any(p => PaperArchive.Model.PaperId.NormalizeTitle(p.Title) == PaperArchive.Model.PaperId.NormalizeTitle(o.Paper.Title)),
                $"{o.Paper.Id} from {file} ({o.Item}) is not in the archive"));
        }
    }

    [Fact]
    public void Importing_the_same_inputs_again_changes_no_byte()
    {
        using var tmp = TestDirs.Temp();
        ArchiveImporter.Import(new ImportOptions(TestDirs.Fixtures, tmp.Path));
        var before = Snapshot(tmp.Path);

        var skipped = ArchiveImporter.Import(new ImportOptions(TestDirs.Fixtures, tmp.Path));
        Assert.True(skipped.Skipped);

        var forced = ArchiveImporter.Import(new ImportOptions(TestDirs.Fixtures, tmp.Path) { Force = true });
        Assert.False(forced.Skipped);
        Assert.Equal(0, forced.FilesWritten);
        Assert.Equal(0, forced.NewPapers);
        Assert.Equal(before, Snapshot(tmp.Path));
    }

    [Fact]
    public void Papers_from_earlier_imports_stay_when_their_listings_are_gone()
    {
        using var tmp = TestDirs.Temp();
        var all = ListingReader.FindListings(TestDirs.Fixtures);
        var input = tmp.Sub("input/listings");
        var firstHalf = all.Take(all.Count / 2).ToList();
        foreach (var file in firstHalf)
        {
            Copy(file, input);
        }
        var first = ArchiveImporter.Import(new ImportOptions(tmp.Sub("input"), tmp.Sub("archive")));
        Directory.Delete(input, recursive: true);
        foreach (var file in all.Skip(all.Count / 2))
        {
            Copy(file, input);
        }
        var second = ArchiveImporter.Import(new ImportOptions(tmp.Sub("input"), tmp.Sub("archive")));
        Assert.DoesNotContain(second.Diagnostics, d => d.Severity == Severity.Error);

        var ids = second.Archive.Papers.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(first.Archive.Papers, p => Assert.Contains(p.Id, ids));
        Assert.All(first.Archive.Days, d => Assert.Contains(d.Date, second.Archive.Days.Select(x => x.Date)));
        Assert.Equal(second.Archive, ArchiveReader.Read(tmp.Sub("archive")).Archive);

        using var together = TestDirs.Temp();
        var once = ArchiveImporter.Import(new ImportOptions(TestDirs.Fixtures, together.Path));
        Assert.Equal(once.Archive.Papers.Select(p => p.Id), second.Archive.Papers.Select(p => p.Id));
    }

    [Fact]
    public void The_bundled_input_sample_imports_without_errors()
    {
        using var tmp = TestDirs.Temp();
        var report = ArchiveImporter.Import(new ImportOptions(Path.Combine(TestDirs.RepoRoot, "input"), tmp.Path));
        Assert.False(report.HasErrors, string.Join("\n", report.Diagnostics));
        Assert.Equal(8, report.Files);
        Assert.Equal(7, report.Days);
        Assert.True(File.Exists(Path.Combine(tmp.Path, "README.md")));
    }

    private static void Copy(string file, string toDir)
    {
        var rel = Path.GetRelativePath(TestDirs.Fixtures, file);
        var target = Path.Combine(toDir, rel);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(file, target);
    }

    private static Dictionary<string, string> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
}
