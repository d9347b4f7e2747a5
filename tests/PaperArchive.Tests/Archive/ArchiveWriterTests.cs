using PaperArchive.Archive;
using PaperArchive.Model;

namespace PaperArchive.Tests.Archive;

public class ArchiveWriterTests
{
    [Fact]
    public void Writing_is_deterministic_and_touches_nothing_when_nothing_changed()
    {
        using var tmp = TestDirs.Temp();
        var a = tmp.Sub("a");
        var b = tmp.Sub("b");
        var first = ArchiveWriter.Write(GoldenArchive.Model, a);
        ArchiveWriter.Write(GoldenArchive.Model, b);
        Assert.Equal(7, first.Written);
        foreach (var file in Directory.EnumerateFiles(a, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(b, Path.GetRelativePath(a, file))));
            Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "no BOM");
            Assert.DoesNotContain((byte)'\r', bytes);
        }
        var stamp = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var file in Directory.EnumerateFiles(a, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, stamp);
        }
        var second = ArchiveWriter.Write(GoldenArchive.Model, a, ArchiveReader.Read(a));
        Assert.Equal(0, second.Written);
        Assert.All(Directory.EnumerateFiles(a, "*", SearchOption.AllDirectories), f => Assert.Equal(stamp, File.GetLastWriteTimeUtc(f)));
        Assert.Empty(Directory.EnumerateFiles(a, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Only_pages_whose_bytes_change_are_rewritten()
    {
        using var tmp = TestDirs.Temp();
        ArchiveWriter.Write(GoldenArchive.Model, tmp.Path);
        var old = GoldenArchive.Model.Papers.Single(p => p.Id == "hep-th/9901001");
        var changed = GoldenArchive.Model with
        {
            Papers = GoldenArchive.Model.Papers.Select(p => p.Id == old.Id ? p with { Title = "Renamed" } : p).ToValueList(),
        };
        var result = ArchiveWriter.Write(changed, tmp.Path, ArchiveReader.Read(tmp.Path));
        // The paper page and the one day page that lists it; the README does not show titles.
        Assert.Equal(2, result.Written);
        Assert.Equal(changed, ArchiveReader.Read(tmp.Path).Archive);
    }

    [Fact]
    public void A_page_whose_folder_changes_is_moved_not_duplicated()
    {
        using var tmp = TestDirs.Temp();
        var paper = new Paper { Id = "t-aaaaaaaaaaaa", Title = "From a copy", PublishedOn = new DateOnly(2025, 10, 27) };
        ArchiveWriter.Write(new ArchiveModel(ValueList.Of(paper), ValueList<DayListing>.Empty), tmp.Path);
        Assert.True(File.Exists(Path.Combine(tmp.Path, "papers/2025-10/t-aaaaaaaaaaaa.md")));

        var listed = paper with { ListedOn = ValueList.Of(new DateOnly(2024, 1, 5)) };
        var model = new ArchiveModel(ValueList.Of(listed), ValueList.Of(new DayListing(new DateOnly(2024, 1, 5), ValueList.Of(listed.Id))));
        var result = ArchiveWriter.Write(model, tmp.Path, ArchiveReader.Read(tmp.Path));
        Assert.Equal(1, result.Moved);
        Assert.False(File.Exists(Path.Combine(tmp.Path, "papers/2025-10/t-aaaaaaaaaaaa.md")));
        Assert.True(File.Exists(Path.Combine(tmp.Path, "papers/2024-01/t-aaaaaaaaaaaa.md")));
        Assert.Equal(model, ArchiveReader.Read(tmp.Path).Archive);
    }

    [Fact]
    public void Papers_missing_from_a_later_model_keep_their_pages()
    {
        using var tmp = TestDirs.Temp();
        ArchiveWriter.Write(GoldenArchive.Model, tmp.Path);
        var fewer = new ArchiveModel(GoldenArchive.Model.Papers.Take(1).ToValueList(), ValueList<DayListing>.Empty);
        ArchiveWriter.Write(fewer, tmp.Path, ArchiveReader.Read(tmp.Path));
        Assert.Equal(GoldenArchive.Model, ArchiveReader.Read(tmp.Path).Archive with { });
    }

    [Fact]
    public void Reader_ignores_folders_and_files_it_does_not_own()
    {
        using var tmp = TestDirs.Temp();
        ArchiveWriter.Write(GoldenArchive.Model, tmp.Path);
        Directory.CreateDirectory(tmp.Sub("topics"));
        File.WriteAllText(tmp.Sub("topics/kv-cache.md"), "---\ntitle: [unclosed\n---\n");
        File.WriteAllText(tmp.Sub("notes.txt"), "mine");
        File.WriteAllText(tmp.Sub("papers/2024-06/.2406.01234.md.abcd1234.tmp"), "half-written");
        var read = ArchiveReader.Read(tmp.Path);
        Assert.Empty(read.Diagnostics);
        Assert.Equal(GoldenArchive.Model, read.Archive);
    }

    [Fact]
    public void Missing_folder_is_an_empty_archive()
    {
        var read = ArchiveReader.Read(Path.Combine(Path.GetTempPath(), "paperarchive-does-not-exist-" + Guid.NewGuid().ToString("N")));
        Assert.Equal(ArchiveModel.Empty, read.Archive);
        Assert.Empty(read.Diagnostics);
    }

    [Fact]
    public void Ids_that_need_the_same_file_name_do_not_overwrite_each_other()
    {
        using var tmp = TestDirs.Temp();
        var a = new Paper { Id = "x/1", Title = "A", PublishedOn = new DateOnly(2024, 1, 1) };
        var b = new Paper { Id = "x_1", Title = "B", PublishedOn = new DateOnly(2024, 1, 1) };
        var result = ArchiveWriter.Write(new ArchiveModel(ValueList.Of(a, b), ValueList<DayListing>.Empty), tmp.Path);
        var error = Assert.Single(result.Diagnostics);
        Assert.Contains("x/1 and x_1 need the same file name", error.Message, StringComparison.Ordinal);
        Assert.Equal(ValueList.Of(a), ArchiveReader.Read(tmp.Path).Archive.Papers);
    }
}
