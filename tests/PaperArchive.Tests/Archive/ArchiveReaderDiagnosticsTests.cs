using PaperArchive.Archive;
using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Tests.Archive;

/// <summary>A damaged page is reported with file and line, left untouched by the next write, and costs nothing else.</summary>
public class ArchiveReaderDiagnosticsTests
{
    private const string PagePath = "papers/2406/2406.01234.md";

    [Theory]
    [InlineData("---\nid: \"2406.01234\"\ntitle: \"unclosed\n---\n", "line 3", "invalid YAML")]
    [InlineData("---\ntitle: \"No id\"\n---\n", "line 1", "no 'id'")]
    [InlineData("---\nid: \"2406.01234\"\ntitle: \"x\"\ngithub_stars: many\n---\n", "line 4", "'github_stars' must be a whole number")]
    [InlineData("---\nid: \"2406.01234\"\ntitle: \"x\"\npublished_on: 27 Oct 2025\n---\n", "line 4", "'published_on' must be a date")]
    [InlineData("---\nid: \"2406.01234\"\ntitle: \"x\"\nmy_notes: \"keep me\"\n---\n", "line 4", "unknown key 'my_notes'")]
    [InlineData("---\nid: \"2406.01234\"\ntitle: \"x\"\nsnapshots:\n  - {upvotes: 3}\n---\n", "line 5", "snapshot has no 'date'")]
    [InlineData("id: 2406.01234\n", "line 1", "no YAML front matter")]
    [InlineData("---\nid: \"2406.01234\"\ntitle: \"x\"\n", "line 1", "not closed")]
    [InlineData("---\n- a\n- b\n---\n", "line 2", "one YAML mapping")]
    [InlineData("---\nid: \"a\"\nid: \"b\"\ntitle: \"x\"\n---\n", "line 3", "invalid YAML")]
    public void Bad_page_is_reported_with_file_and_line(string text, string? location, string message)
    {
        using var tmp = TestDirs.Temp();
        var file = Path.Combine(tmp.Path, PagePath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        var read = ArchiveReader.Read(tmp.Path);
        var d = Assert.Single(read.Diagnostics);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal(file, d.File);
        Assert.Equal(location, d.Location);
        Assert.Contains(message, d.Message);
        Assert.Contains(PagePath, read.UnreadableFiles);
        Assert.Empty(read.Archive.Papers);
    }

    [Fact]
    public void Unreadable_page_is_never_overwritten_and_the_rest_is_written()
    {
        using var tmp = TestDirs.Temp();
        ArchiveWriter.Write(GoldenArchive.Model, tmp.Path);
        var damaged = Path.Combine(tmp.Path, "papers/2024-06/2406.01234.md");
        var text = File.ReadAllText(damaged).Replace("title: \"", "title: [", StringComparison.Ordinal);
        File.WriteAllText(damaged, text);

        var read = ArchiveReader.Read(tmp.Path);
        Assert.Contains(read.Diagnostics, d => d.File == damaged && d.Location is not null && d.Severity == Severity.Error);
        Assert.Equal(GoldenArchive.Model.Papers.Count - 1, read.Archive.Papers.Count);

        var updated = GoldenArchive.Model with
        {
            Papers = GoldenArchive.Model.Papers.Select(p => p with { GithubStars = 99 }).ToValueList(),
        };
        var result = ArchiveWriter.Write(updated, tmp.Path, read);
        Assert.Equal(1, result.Kept);
        Assert.Equal(text, File.ReadAllText(damaged));
        var after = ArchiveReader.Read(tmp.Path);
        Assert.All(after.Archive.Papers, p => Assert.Equal(99, p.GithubStars));
    }

    [Fact]
    public void Two_pages_with_the_same_id_are_both_kept_and_reported()
    {
        using var tmp = TestDirs.Temp();
        var paper = new Paper { Id = "2406.00001", Title = "Twice" };
        ArchiveWriter.Write(new ArchiveModel(ValueList.Of(paper), ValueList<DayListing>.Empty), tmp.Path);
        var copy = Path.Combine(tmp.Path, "papers/2024-07/2406.00001.md");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(Path.Combine(tmp.Path, "papers/2024-06/2406.00001.md"), copy);
        var read = ArchiveReader.Read(tmp.Path);
        Assert.Contains(read.Diagnostics, d => d.Severity == Severity.Error && d.Message.Contains("also in", StringComparison.Ordinal));
        Assert.Equal(2, read.UnreadableFiles.Count);
        ArchiveWriter.Write(new ArchiveModel(ValueList.Of(paper with { Title = "Changed" }), ValueList<DayListing>.Empty), tmp.Path, read);
        Assert.True(File.Exists(copy));
        Assert.Contains("Twice", File.ReadAllText(copy), StringComparison.Ordinal);
    }
}
