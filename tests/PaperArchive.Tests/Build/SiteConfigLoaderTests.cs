using PaperArchive.Build;

namespace PaperArchive.Tests.Build;

public class SiteConfigLoaderTests
{
    [Fact]
    public void Reads_every_key()
    {
        var (config, diagnostics) = SiteConfigLoader.Parse("""
            title: My Papers
            description: Mine
            base_url: https://me.github.io/papers
            language: de
            theme: plain
            feed_size: 10
            home_days: 2
            home_papers_per_day: 5
            page_size: 20
            """, "site.yml");
        Assert.Empty(diagnostics);
        Assert.Equal("My Papers", config.Title);
        Assert.Equal("https://me.github.io/papers/", config.BaseUrl);
        Assert.Equal("/papers/", config.BasePath);
        Assert.Equal(("de", "plain", 10, 2, 5, 20), (config.Language, config.Theme, config.FeedSize, config.HomeDays, config.HomePapersPerDay, config.PageSize));
    }

    [Fact]
    public void Missing_file_is_the_default()
    {
        var (config, diagnostics) = SiteConfigLoader.Load("/nonexistent/site.yml");
        Assert.Empty(diagnostics);
        Assert.Equal(new SiteConfig(), config);
    }

    [Fact]
    public void Unknown_key_is_an_error_with_line()
    {
        var (_, diagnostics) = SiteConfigLoader.Parse("title: x\ntitel: y\n", "input/site.yml");
        var d = Assert.Single(diagnostics);
        Assert.Equal("input/site.yml", d.File);
        Assert.StartsWith("line 2", d.Location);
    }

    [Fact]
    public void Bad_values_are_errors_and_fall_back()
    {
        var (config, diagnostics) = SiteConfigLoader.Parse("base_url: ftp://x\nfeed_size: 0\n", "site.yml");
        Assert.Equal(2, diagnostics.Count);
        Assert.Equal(new SiteConfig().BaseUrl, config.BaseUrl);
        Assert.Equal(50, config.FeedSize);
    }

    [Fact]
    public void Repository_site_yml_is_valid()
    {
        var (_, diagnostics) = SiteConfigLoader.Load(Path.Combine(TestPaths.RepoRoot, "input", "site.yml"));
        Assert.Empty(diagnostics);
    }
}
