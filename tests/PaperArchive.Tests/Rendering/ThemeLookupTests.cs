using PaperArchive.Rendering;
using PaperArchive.Rendering.Pages;

namespace PaperArchive.Tests.Rendering;

/// <summary>One test per row of the template lookup table in themes/README.md.</summary>
public class ThemeLookupTests
{
    private const string DayPage = "days/2026-06-30.html";
    private static readonly IReadOnlyList<IPageSource> Days = [new DayPageSource()];

    [Fact]
    public void Day_uses_its_own_layout_first()
    {
        using var h = RenderHarness.FromTree("""
            -- themes/t/layouts/day.html --
            day:{{ day.iso }}
            -- themes/t/layouts/list.html --
            list
            -- themes/t/layouts/_default.html --
            default
            """, sources: Days);
        Assert.Empty(h.Report.Diagnostics);
        Assert.Equal("day:2026-06-30\n", h.Read(DayPage));
    }

    [Fact]
    public void Day_falls_back_to_list()
    {
        using var h = RenderHarness.FromTree("""
            -- themes/t/layouts/list.html --
            list:{{ papers | array.size }}
            -- themes/t/layouts/_default.html --
            default
            """, sources: Days);
        Assert.Equal("list:2\n", h.Read(DayPage));
    }

    [Fact]
    public void Day_falls_back_to_default()
    {
        using var h = RenderHarness.FromTree("""
            -- themes/t/layouts/_default.html --
            default:{{ page.kind }}
            """, sources: Days);
        Assert.Equal("default:day\n", h.Read(DayPage));
    }

    [Fact]
    public void Home_skips_list_and_uses_default()
    {
        using var h = RenderHarness.FromTree("""
            -- themes/t/layouts/list.html --
            list
            -- themes/t/layouts/_default.html --
            default:{{ page.kind }}
            """, sources: [new HomePageSource()]);
        Assert.Equal("default:home\n", h.Read(SiteUrls.Home));
    }

    [Fact]
    public void Site_override_beats_theme_at_same_path()
    {
        using var h = RenderHarness.FromTree("""
            -- themes/t/layouts/day.html --
            theme
            -- input/theme/layouts/day.html --
            override
            """, sources: Days);
        Assert.Equal("override\n", h.Read(DayPage));
    }

    [Fact]
    public void More_specific_theme_layout_beats_less_specific_override()
    {
        using var h = RenderHarness.FromTree("""
            -- themes/t/layouts/day.html --
            theme-day
            -- input/theme/layouts/list.html --
            override-list
            """, sources: Days);
        Assert.Equal("theme-day\n", h.Read(DayPage));
    }

    [Fact]
    public void Partial_override_beats_theme_partial()
    {
        using var h = RenderHarness.FromTree("""
            -- themes/t/layouts/day.html --
            [{{ include "greeting" }}]
            -- themes/t/partials/greeting.html --
            theme
            -- input/theme/partials/greeting.html --
            override
            """, sources: Days);
        Assert.Equal("[override\n]\n", h.Read(DayPage));
    }

    [Fact]
    public void Extended_theme_supplies_missing_files_and_defaults()
    {
        using var h = RenderHarness.FromTree("""
            -- themes/t/theme.yml --
            extends: base
            defaults:
              greeting: child
            -- themes/base/theme.yml --
            defaults:
              greeting: base
              other: base-other
            -- themes/base/layouts/day.html --
            {{ greeting }}/{{ other }}
            """, sources: Days);
        Assert.Empty(h.Report.Diagnostics);
        Assert.Equal("child/base-other\n", h.Read(DayPage));
    }

    [Fact]
    public void Named_layout_wraps_content_and_sees_captured_blocks()
    {
        using var h = RenderHarness.FromTree("""
            -- themes/t/layouts/day.html --
            {{ layout "baseof" }}{{ capture head }}<meta name="x">{{ end }}body
            -- themes/t/layouts/baseof.html --
            <head>{{ head }}</head><main>{{ content }}</main>{{ scripts }}
            """, sources: Days);
        Assert.Empty(h.Report.Diagnostics);
        Assert.Equal("<head><meta name=\"x\"></head><main>body\n</main>\n", h.Read(DayPage));
    }

    [Theory]
    [InlineData(SiteUrls.ReadingList, "reading-list")]
    [InlineData(SiteUrls.ForYou, "for-you")]
    public void Reader_pages_use_their_own_layout_then_default_never_list(string path, string kind)
    {
        using var own = RenderHarness.FromTree($"""
            -- themes/t/layouts/{kind}.html --
            own:{kind}
            -- themes/t/layouts/list.html --
            list
            -- themes/t/layouts/_default.html --
            default
            """, sources: [new ReaderPageSource()]);
        Assert.Empty(own.Report.Diagnostics);
        Assert.Equal($"own:{kind}\n", own.Read(path));
        using var fallback = RenderHarness.FromTree("""
            -- themes/t/layouts/list.html --
            list
            -- themes/t/layouts/_default.html --
            default:{{ page.kind }}
            """, sources: [new ReaderPageSource()]);
        Assert.Equal($"default:{kind}\n", fallback.Read(path));
    }

    [Fact]
    public void Asset_override_replaces_theme_asset()
    {
        using var h = RenderHarness.FromTree("""
            -- themes/t/layouts/_default.html --
            x
            -- themes/t/assets/css/site.css --
            theme
            -- themes/t/assets/js/site.js --
            js
            -- input/theme/assets/css/site.css --
            override
            """, sources: Days);
        // Stylesheets and scripts are written under content-hashed names (AssetManifest).
        Assert.Equal("override\n", h.Read("assets/css/" + AssetManifest.WithHash("site.css", Hash("override\n"))));
        Assert.Equal("js\n", h.Read("assets/js/" + AssetManifest.WithHash("site.js", Hash("js\n"))));
        Assert.False(h.Exists("assets/css/site.css"));
    }

    [Fact]
    public void Missing_layout_is_a_diagnostic_listing_what_was_tried()
    {
        using var h = RenderHarness.FromTree("""
            -- themes/t/layouts/home.html --
            home
            """, sources: Days);
        var d = Assert.Single(h.Report.Diagnostics);
        Assert.Contains("layouts/day.html, layouts/list.html, layouts/_default.html", d.Message);
    }

    [Fact]
    public void Missing_theme_is_a_theme_error()
    {
        using var tmp = TestPaths.Temp();
        var e = Assert.Throws<ThemeException>(() => Theme.Load(tmp.Path, "nope", null));
        Assert.Contains("theme 'nope' not found", e.Diagnostic.Message);
    }

    private static string Hash(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..10];
}
