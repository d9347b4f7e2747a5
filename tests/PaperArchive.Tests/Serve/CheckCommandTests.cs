using PaperArchive.Cli;
using PaperArchive.Tests.Cli;

namespace PaperArchive.Tests.Serve;

/// <summary>`paperarchive check` reads a built site as it is: it never rebuilds, and it reports what a build's check would.</summary>
public class CheckCommandTests
{
    [Fact]
    public void Check_passes_a_built_site_without_touching_it_and_fails_after_a_link_breaks()
    {
        using var workspace = new ServeWorkspace();
        var build = PaperArchive.Build.SiteBuilder.Build(workspace.BuildOptions);
        Assert.True(build.Published, string.Join("\n", build.Diagnostics));
        var before = Snapshot(workspace.Site);

        var (console, output) = ImportCommandTests.PlainConsole();
        var exit = Program.BuildRoot(console).Parse(["check", "--output", workspace.Site]).Invoke();

        Assert.Equal(0, exit);
        Assert.EndsWith("no problems", output.ToString().Trim().Split('\n')[^1]);
        Assert.Equal(before, Snapshot(workspace.Site));
        Assert.False(Directory.Exists(Path.Combine(workspace.Root, ".site.building")));

        // Break one link by hand: check (not a rebuild) must notice it and name the page.
        var index = Path.Combine(workspace.Site, "index.html");
        File.WriteAllText(index, File.ReadAllText(index).Replace("</main>", "<a href=\"nowhere/missing.html\">x</a></main>", StringComparison.Ordinal));
        (console, output) = ImportCommandTests.PlainConsole();
        exit = Program.BuildRoot(console).Parse(["check", "--output", workspace.Site]).Invoke();

        Assert.Equal(1, exit);
        Assert.Contains("index.html", output.ToString());
        Assert.Contains("nowhere/missing.html", output.ToString());
        Assert.Contains("nowhere/missing.html", File.ReadAllText(index));
    }

    [Fact]
    public void Check_of_a_missing_site_says_to_build_first()
    {
        using var tmp = TestPaths.Temp();
        var (console, output) = ImportCommandTests.PlainConsole();
        var exit = Program.BuildRoot(console).Parse(["check", "--output", Path.Combine(tmp.Path, "site")]).Invoke();
        Assert.Equal(2, exit);
        Assert.Contains("run paperarchive build first", output.ToString());
    }

    private static Dictionary<string, (long, DateTime)> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, f => (new FileInfo(f).Length, File.GetLastWriteTimeUtc(f)), StringComparer.Ordinal);
}
