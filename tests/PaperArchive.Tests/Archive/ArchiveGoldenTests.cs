using PaperArchive.Archive;

namespace PaperArchive.Tests.Archive;

/// <summary>
/// The hand-built <see cref="GoldenArchive"/> written to disk must equal the reviewed files in
/// <c>Golden/archive.expected/</c> byte for byte. <c>PAPERARCHIVE_UPDATE_GOLDEN=1</c> rewrites them.
/// </summary>
public class ArchiveGoldenTests
{
    private static string ExpectedDir => Path.Combine(TestDirs.Golden, "archive.expected");

    [Fact]
    public void Written_archive_matches_the_golden_files()
    {
        using var tmp = TestDirs.Temp();
        ArchiveWriter.Write(GoldenArchive.Model, tmp.Path);
        var actual = Files(tmp.Path);
        if (TestDirs.UpdateGolden)
        {
            if (Directory.Exists(ExpectedDir))
            {
                Directory.Delete(ExpectedDir, recursive: true);
            }
            foreach (var rel in actual)
            {
                var target = Path.Combine(ExpectedDir, rel);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(tmp.Path, rel), target);
            }
        }
        Assert.Equal(Files(ExpectedDir), actual);
        foreach (var rel in actual)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(ExpectedDir, rel)), File.ReadAllText(Path.Combine(tmp.Path, rel)));
        }
    }

    [Fact]
    public void Golden_files_read_back_to_the_model()
    {
        var read = ArchiveReader.Read(ExpectedDir);
        Assert.Empty(read.Diagnostics);
        Assert.Equal(GoldenArchive.Model, read.Archive);
    }

    private static List<string> Files(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
}
