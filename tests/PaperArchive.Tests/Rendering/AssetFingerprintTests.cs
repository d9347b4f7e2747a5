using PaperArchive.Rendering;
using PaperArchive.Rendering.Pages;

namespace PaperArchive.Tests.Rendering;

/// <summary>Stylesheets and scripts get content-hashed names; `asset`/`asset_url` link them; other assets keep their names.</summary>
public class AssetFingerprintTests
{
    private static readonly IReadOnlyList<IPageSource> Home = [new HomePageSource()];

    private const string Tree = """
        -- themes/t/layouts/_default.html --
        <link href="{{ asset "css/site.css" }}"><script src="{{ asset_url "js/app.js" }}"></script><img src="{{ asset "img/logo.png" }}">
        -- themes/t/assets/css/site.css --
        body { color: red; }
        -- themes/t/assets/js/app.js --
        console.log(1);
        -- themes/t/assets/img/logo.png --
        png
        """;

    [Fact]
    public void Pages_link_hashed_names_that_exist_and_the_plain_names_are_not_written()
    {
        using var h = RenderHarness.FromTree(Tree, sources: Home);
        Assert.Empty(h.Report.Diagnostics);
        var html = h.Read("index.html");
        var css = Between(html, "<link href=\"", "\"");
        var js = Between(html, "<script src=\"", "\"");
        Assert.Matches("^assets/css/site\\.[0-9a-f]{10}\\.css$", css);
        Assert.Matches("^assets/js/app\\.[0-9a-f]{10}\\.js$", js);
        Assert.Contains("<img src=\"assets/img/logo.png\">", html);
        Assert.Equal("body { color: red; }\n", h.Read(css));
        Assert.False(h.Exists("assets/css/site.css"));
        Assert.Contains(css, h.Report.Paths);
    }

    [Fact]
    public void Same_bytes_same_name_and_a_changed_file_a_new_name()
    {
        using var a = RenderHarness.FromTree(Tree, sources: Home);
        using var b = RenderHarness.FromTree(Tree, sources: Home);
        using var c = RenderHarness.FromTree(Tree.Replace("color: red", "color: blue", StringComparison.Ordinal), sources: Home);
        var link = (RenderHarness h) => Between(h.Read("index.html"), "<link href=\"", "\"");
        Assert.Equal(link(a), link(b));
        Assert.NotEqual(link(a), link(c));
        // The script did not change, so its name did not either.
        Assert.Equal(Between(a.Read("index.html"), "<script src=\"", "\""), Between(c.Read("index.html"), "<script src=\"", "\""));
    }

    private static string Between(string s, string start, string end)
    {
        var i = s.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return s[i..s.IndexOf(end, i, StringComparison.Ordinal)];
    }
}
