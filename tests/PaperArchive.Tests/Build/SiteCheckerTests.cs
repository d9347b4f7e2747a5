using PaperArchive.Build;
using PaperArchive.Tests.Rendering;

namespace PaperArchive.Tests.Build;

public class SiteCheckerTests
{
    [Fact]
    public void Default_theme_site_has_no_broken_links_or_html_errors()
    {
        using var h = RenderHarness.Default();
        var report = SiteChecker.Check(h.Site);
        Assert.True(report.Ok, string.Join("\n", report.Diagnostics));
        Assert.True(report.Pages > 10);
        Assert.True(report.Links > 100);
    }

    [Fact]
    public void Broken_link_is_reported_with_page_and_position()
    {
        using var tmp = TestPaths.Temp();
        InlineTree.Write(tmp.Path, """
            -- days/a.html --
            <!DOCTYPE html><html lang="en"><head><title>a</title></head><body>
            <a href="../papers/missing.html">x</a>
            <a href="b.html#top">ok</a> <img src="../assets/gone.png" alt="">
            <a href="https://example.org/">external</a> <a href="#here">frag</a>
            </body></html>
            -- days/b.html --
            <!DOCTYPE html><html lang="en"><head><title>b</title></head><body></body></html>
            """);
        var report = SiteChecker.Check(tmp.Path);
        Assert.Collection(report.Diagnostics,
            d =>
            {
                Assert.Equal("days/a.html", d.File);
                Assert.Equal("line 2, column 1", d.Location);
                Assert.Contains("'../papers/missing.html'", d.Message);
            },
            d =>
            {
                Assert.StartsWith("line 3, column ", d.Location);
                Assert.Contains("'../assets/gone.png'", d.Message);
            });
    }

    [Fact]
    public void Root_relative_and_escaping_links_are_problems()
    {
        using var tmp = TestPaths.Temp();
        InlineTree.Write(tmp.Path, """
            -- index.html --
            <!DOCTYPE html><html lang="en"><head><title>a</title></head><body><a href="/index.html">root</a><a href="../../etc/passwd">up</a><a href="javascript:alert(1)">js</a></body></html>
            """);
        var messages = SiteChecker.Check(tmp.Path).Diagnostics.Select(d => d.Message).ToList();
        Assert.Equal(3, messages.Count);
        Assert.Contains(messages, m => m.Contains("root-relative"));
        Assert.Contains(messages, m => m.Contains("leaves the site"));
        Assert.Contains(messages, m => m.Contains("script link"));
    }

    [Fact]
    public void Html_parse_errors_are_reported()
    {
        using var tmp = TestPaths.Temp();
        InlineTree.Write(tmp.Path, """
            -- index.html --
            <!DOCTYPE html><html lang="en"><head><title>a</title></head><body>
            <p>unclosed <b>bold</p></div>
            </body></html>
            """);
        var d = SiteChecker.Check(tmp.Path).Diagnostics;
        Assert.NotEmpty(d);
        Assert.All(d, x => Assert.StartsWith("HTML: ", x.Message));
        Assert.Equal("index.html", d[0].File);
        Assert.StartsWith("line 2", d[0].Location);
    }
}
