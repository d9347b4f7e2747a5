using PaperArchive.Rendering.Pages;

namespace PaperArchive.Tests.Rendering;

public class TemplateErrorTests
{
    [Fact]
    public void Syntax_error_names_theme_file_line_and_column()
    {
        using var h = RenderHarness.FromTree("""
            -- themes/t/layouts/day.html --
            <h1>
            ok
              {{ for x in }}
            """, sources: [new DayPageSource()]);
        var d = Assert.Single(h.Report.Diagnostics);
        Assert.Equal("themes/t/layouts/day.html", d.File);
        Assert.StartsWith("line 3, column ", d.Location);
    }

    [Fact]
    public void Unknown_variable_is_an_error_with_position()
    {
        using var h = RenderHarness.FromTree("""
            -- themes/t/layouts/day.html --
            fine
            {{ dya.iso }}
            """, sources: [new DayPageSource()]);
        var d = Assert.Single(h.Report.Diagnostics);
        Assert.Equal("themes/t/layouts/day.html", d.File);
        Assert.Equal("line 2, column 4", d.Location);
        Assert.Contains("dya", d.Message);
    }

    [Fact]
    public void Error_inside_partial_names_the_partial()
    {
        using var h = RenderHarness.FromTree("""
            -- themes/t/layouts/day.html --
            {{ include "card" }}
            -- input/theme/partials/card.html --
            a
            b {{ nope }}
            """, sources: [new DayPageSource()]);
        var d = Assert.Single(h.Report.Diagnostics);
        Assert.Equal("input/theme/partials/card.html", d.File);
        Assert.Equal("line 2, column 6", d.Location);
    }

    [Fact]
    public void Missing_partial_is_reported_at_the_include()
    {
        using var h = RenderHarness.FromTree("""
            -- themes/t/layouts/day.html --
            {{ include "ghost" }}
            """, sources: [new DayPageSource()]);
        var d = Assert.Single(h.Report.Diagnostics);
        Assert.Contains("partial 'ghost' not found", d.Message);
        Assert.Equal("themes/t/layouts/day.html", d.File);
    }

    [Fact]
    public void Misspelt_member_is_an_error_with_position()
    {
        using var h = RenderHarness.FromTree("""
            -- themes/t/layouts/day.html --
            {{ day.iso }}
            {{ day.isoo }}
            """, sources: [new DayPageSource()]);
        var d = Assert.Single(h.Report.Diagnostics);
        Assert.StartsWith("line 2, column ", d.Location);
        Assert.Contains("'isoo' is not a member of DateModel", d.Message);
    }
}
