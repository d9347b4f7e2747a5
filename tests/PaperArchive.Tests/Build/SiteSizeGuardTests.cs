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
}
