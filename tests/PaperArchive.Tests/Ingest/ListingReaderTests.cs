using PaperArchive.Ingest;

namespace PaperArchive.Tests.Ingest;

public class ListingReaderTests
{
    [Fact]
    public void FindListings_skips_dot_files_dot_folders_and_readmes_and_sorts_ordinally()
    {
        var dir = Path.Combine(Path.GetTempPath(), "pa-find-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var rel in new[] { "b/2024-06-03.json", "a/x.txt", "README.md", ".rejected/2024-06-04.txt", "hf-api/.fetch-state.json", "c/.hidden.json", "c/notes.pdf" })
            {
                var path = Path.Combine(dir, rel);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, "[]");
            }
            var found = ListingReader.FindListings(dir).Select(p => Path.GetRelativePath(dir, p)).ToList();
            Assert.Equal(["a/x.txt", "b/2024-06-03.json"], found);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Missing_empty_and_oversized_files_are_errors_naming_the_file()
    {
        var missing = ListingReader.Read("/nonexistent/listing.json");
        Assert.True(missing.Failed);
        Assert.Contains("not found", missing.Diagnostics.Single().Message);
        Assert.Equal("/nonexistent/listing.json", missing.Diagnostics.Single().File);

        var empty = ListingReader.ReadText("  \n", "empty.json");
        Assert.True(empty.Failed);
        Assert.Contains("empty", empty.Diagnostics.Single().Message);
    }
}
