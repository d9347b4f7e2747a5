using PaperArchive.Build;

namespace PaperArchive.Tests.Serve;

/// <summary><see cref="BuildOptions.SkipCheck"/> (what <c>serve</c> uses): the link check is skipped, everything else is the same build.</summary>
public class SkipCheckTests
{
    [Fact]
    public void Skip_check_drops_only_the_link_check()
    {
        using var workspace = new ServeWorkspace();
        // A site override with a broken link on every page.
        var footer = Path.Combine(workspace.Input, "theme", "partials", "footer.html");
        Directory.CreateDirectory(Path.GetDirectoryName(footer)!);
        File.WriteAllText(footer, "<footer><a href=\"{{ page.root }}nowhere/broken-link.html\">x</a></footer>\n");

        var checkedBuild = SiteBuilder.Build(workspace.BuildOptions);
        var skipped = SiteBuilder.Build(workspace.BuildOptions with { SkipCheck = true });

        Assert.True(checkedBuild.Published);
        Assert.Contains(checkedBuild.Diagnostics, d => d.Message.Contains("broken-link.html", StringComparison.Ordinal));
        Assert.True(skipped.Published);
        Assert.DoesNotContain(skipped.Diagnostics, d => d.Message.Contains("broken-link.html", StringComparison.Ordinal));
        Assert.Equal(checkedBuild.Pages, skipped.Pages);
        Assert.Contains("broken-link.html", File.ReadAllText(Path.Combine(workspace.Site, "index.html")));
    }
}
