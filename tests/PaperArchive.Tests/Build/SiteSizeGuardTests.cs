using PaperArchive.Build;
using PaperArchive.Common;

namespace PaperArchive.Tests.Build;

public sealed class SiteSizeGuardTests : IDisposable
{
    private readonly string site = Path.Combine(Path.GetTempPath(), "paperarchive-size-" + Guid.NewGuid().ToString("N")[..12]);

    public SiteSizeGuardTests()
    {
        Directory.CreateDirectory(Path.Combine(site, "day", "2026-07-01"));
        File.WriteAllBytes(Path.Combine(site, "index.html"), new byte[3000]);
        File.WriteAllBytes(Path.Combine(site, "day", "2026-07-01", "index.html"), new byte[2000]);
        File.WriteAllBytes(Path.Combine(site, ".nojekyll"), []);
    }

    public void Dispose() => Directory.Delete(site, recursive: true);

    [Fact]
    public void Counts_every_file_below_the_site()
    {
        var (bytes, error) = SiteSizeGuard.Check(site, budgetBytes: 5000);

        Assert.Equal(5000, bytes);
        Assert.Null(error);
    }

    [Fact]
    public void Over_the_budget_is_an_error_that_says_what_to_change()
    {
        var (bytes, error) = SiteSizeGuard.Check(site, budgetBytes: 4096);

        Assert.Equal(5000, bytes);
        Assert.NotNull(error);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal(site, error.File);
        Assert.Equal("site is 4.9 KB, over the 4 KB budget set in site.yml (size_budget_mb); GitHub Pages rejects sites over 1 GB", error.Message);
    }

    [Fact]
    public void Missing_site_is_empty()
    {
        var (bytes, error) = SiteSizeGuard.Check(Path.Combine(site, "nope"), 1);

        Assert.Equal(0, bytes);
        Assert.Null(error);
    }

    [Theory]
    [InlineData(0L, "0 bytes")]
    [InlineData(1023L, "1023 bytes")]
    [InlineData(1024L, "1 KB")]
    [InlineData(1536L, "1.5 KB")]
    [InlineData(850L * 1024 * 1024, "850 MB")]
    [InlineData(1024L * 1024 * 1024, "1 GB")]
    [InlineData(1288490189L, "1.2 GB")]
    public void Sizes_read_like_people_write_them(long bytes, string text) =>
        Assert.Equal(text, SiteSizeGuard.Format(bytes));

    [Fact]
    public void The_message_from_the_issue_for_a_real_size()
    {
        // 1.2 GB against the default 1 GB budget, without writing a gigabyte: a sparse file.
        var big = Path.Combine(site, "big.bin");
        using (var fs = new FileStream(big, FileMode.Create))
        {
            fs.SetLength(1288490189L - 5000);
        }

        var (_, error) = SiteSizeGuard.Check(site, SiteSizeGuard.PagesLimitBytes);

        Assert.Equal("site is 1.2 GB, over the 1 GB budget set in site.yml (size_budget_mb); GitHub Pages rejects sites over 1 GB", error?.Message);
    }

    [Fact]
    public void An_update_in_place_counts_staged_files_instead_of_the_copies_they_replace_and_drops_deleted_files()
    {
        var published = Path.Combine(site, "published");
        var staging = Path.Combine(site, "staging");
        Directory.CreateDirectory(published);
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(published, "a.html"), new string('a', 100));
        File.WriteAllText(Path.Combine(published, "b.html"), new string('b', 200));
        File.WriteAllText(Path.Combine(published, "old.html"), new string('o', 50));
        File.WriteAllText(Path.Combine(staging, "a.html"), new string('a', 130));
        File.WriteAllText(Path.Combine(staging, "new.html"), new string('n', 7));
        var paths = new HashSet<string>(["a.html", "b.html", "old.html"], StringComparer.Ordinal);

        var bytes = SiteSizeGuard.Update(350, paths, published, staging, ["a.html", "new.html"], ["old.html"]);

        // b (200) kept, a now 130, new 7, old gone: what the published site measures after the move.
        Assert.Equal(337, bytes);

        // A published file deleted by hand: its size is unknown, so the caller must measure.
        File.Delete(Path.Combine(published, "old.html"));
        Assert.Null(SiteSizeGuard.Update(350, paths, published, staging, ["a.html", "new.html"], ["old.html"]));
    }
}
