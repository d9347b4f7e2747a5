using System.Text.RegularExpressions;
using PaperArchive.Build;

namespace PaperArchive.Tests.Serve;

/// <summary>The examples in themes/README.md work as written: a newcomer copying them gets a page, not an error.</summary>
public partial class ThemeGuideTests
{
    [Fact]
    public void Template_model_example_renders_on_a_day_page()
    {
        var guide = File.ReadAllText(Path.Combine(TestPaths.Themes, "README.md"));
        var example = HtmlBlock().Match(guide[guide.IndexOf("### Example", StringComparison.Ordinal)..]).Groups[1].Value;
        Assert.Contains("{{ rel p.url }}", example);
        using var workspace = new ServeWorkspace();
        var layouts = Path.Combine(workspace.Input, "theme", "layouts");
        Directory.CreateDirectory(layouts);
        File.WriteAllText(Path.Combine(layouts, "day.html"), "{{ layout \"baseof\" }}\n" + example);

        var report = SiteBuilder.Build(workspace.BuildOptions with { SkipCheck = true });

        Assert.True(report.Published, string.Join("\n", report.Diagnostics));
        Assert.DoesNotContain(report.Diagnostics, d => d.Severity == Common.Severity.Error);
        var day = File.ReadAllText(Path.Combine(workspace.Site, "days", "2024-06-03.html"));
        Assert.Contains("<ol class=\"my-list\">", day);
        Assert.Matches("<a href=\"../papers/[^\"]+\\.html\">", day);
        Assert.Contains("upvote", day);
    }

    [Fact]
    public void Quick_start_header_line_renders_in_an_override()
    {
        var guide = File.ReadAllText(Path.Combine(TestPaths.Themes, "README.md"));
        var line = HtmlBlock().Match(guide[guide.IndexOf("## Quick start", StringComparison.Ordinal)..]).Groups[1].Value.Trim();
        using var workspace = new ServeWorkspace();
        var header = File.ReadAllText(workspace.ThemeFile("partials/header.html"));
        var brand = BrandLine().Match(header);
        Assert.True(brand.Success, "the default header's brand line changed; update the quick start in themes/README.md");
        var partials = Path.Combine(workspace.Input, "theme", "partials");
        Directory.CreateDirectory(partials);
        File.WriteAllText(Path.Combine(partials, "header.html"), header.Replace(brand.Value, line, StringComparison.Ordinal));

        var report = SiteBuilder.Build(workspace.BuildOptions with { SkipCheck = true });

        Assert.True(report.Published, string.Join("\n", report.Diagnostics));
        Assert.Contains("— my edition</a>", File.ReadAllText(Path.Combine(workspace.Site, "index.html")));
    }

    [GeneratedRegex("```html\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex HtmlBlock();

    [GeneratedRegex("<a class=\"brand\"[^\n]*</a>")]
    private static partial Regex BrandLine();
}
