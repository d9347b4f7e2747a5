using PaperArchive.Build;
using PaperArchive.Cli;
using PaperArchive.Common;
using PaperArchive.Tests.Cli;
using PaperArchive.Tests.Rendering;

namespace PaperArchive.Tests.Build;

/// <summary>The whole `paperarchive build` pipeline on real listings from tests/fixtures.</summary>
public class SiteBuilderTests
{
    private static BuildOptions Input(string root, params string[] listings)
    {
        var input = Path.Combine(root, "input");
        Directory.CreateDirectory(Path.Combine(input, "listings"));
        foreach (var name in listings)
        {
            File.Copy(Path.Combine(TestPaths.Fixtures, "hf-api", name), Path.Combine(input, "listings", name));
        }
        File.Copy(Path.Combine(TestPaths.RepoRoot, "input", "topics.yml"), Path.Combine(input, "topics.yml"));
        File.WriteAllText(Path.Combine(input, "site.yml"), "title: Test Archive\nbase_url: https://me.github.io/papers/\n");
        return new BuildOptions
        {
            InputDir = input,
            ArchiveDir = Path.Combine(root, "archive"),
            OutputDir = Path.Combine(root, "site"),
            ThemesDir = TestPaths.Themes,
        };
    }

    [Fact]
    public void Builds_real_listings_into_a_published_site()
    {
        using var tmp = TestPaths.Temp();
        var options = Input(tmp.Path, "2026-07-01.json", "2026-07-02.json");
        var report = SiteBuilder.Build(options);
        Assert.True(report.Published, string.Join("\n", report.Diagnostics));
        Assert.True(report.Papers > 10);
        Assert.Equal(2, report.Days);
        Assert.True(File.Exists(Path.Combine(options.OutputDir, "index.html")));
        Assert.True(File.Exists(Path.Combine(options.OutputDir, "days", "2026-07-02.html")));
        Assert.Contains("https://me.github.io/papers/index.html", File.ReadAllText(Path.Combine(options.OutputDir, "index.html")));
        Assert.Contains(report.Steps, s => s.Step == "render");
        Assert.False(Directory.Exists(Path.Combine(tmp.Path, ".site.building")));
    }

    [Fact]
    public void Whole_pipeline_is_byte_identical_across_builds()
    {
        using var a = TestPaths.Temp();
        using var b = TestPaths.Temp();
        var oa = Input(a.Path, "2026-07-01.json", "2024-12-11.json");
        var ob = Input(b.Path, "2026-07-01.json", "2024-12-11.json");
        Assert.True(SiteBuilder.Build(oa).Published);
        Assert.True(SiteBuilder.Build(ob).Published);
        var files = Directory.GetFiles(oa.OutputDir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(oa.OutputDir, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.GetFiles(ob.OutputDir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(ob.OutputDir, f)).Order(StringComparer.Ordinal));
        foreach (var f in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(oa.OutputDir, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(ob.OutputDir, f))), f + " differs");
        }
    }

    [Fact]
    public void Strict_build_with_a_broken_link_fails_and_keeps_the_old_site()
    {
        using var tmp = TestPaths.Temp();
        var options = Input(tmp.Path, "2026-07-01.json");
        Assert.True(SiteBuilder.Build(options).Published);
        var before = File.ReadAllText(Path.Combine(options.OutputDir, "index.html"));

        InlineTree.Write(options.InputDir, """
            -- theme/partials/footer.html --
            <footer><a href="{{ rel "nowhere.html" }}">broken</a></footer>
            """);
        var lenient = SiteBuilder.Build(options);
        Assert.True(lenient.Published);
        Assert.Contains(lenient.Diagnostics, d => d.Severity == Severity.Warning && d.Message.Contains("nowhere.html"));

        File.WriteAllText(Path.Combine(options.OutputDir, "marker.txt"), "old site");
        var strict = SiteBuilder.Build(options with { Strict = true });
        Assert.False(strict.Published);
        var error = Assert.Single(strict.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Contains("broken link", error.Message);
        Assert.Contains("more pages", error.Message);
        Assert.True(File.Exists(Path.Combine(options.OutputDir, "marker.txt")));
        Assert.False(Directory.Exists(Path.Combine(tmp.Path, ".site.building")));
        Assert.NotEqual("", before);
    }

    [Fact]
    public void Theme_error_fails_the_build_with_file_and_line()
    {
        using var tmp = TestPaths.Temp();
        var options = Input(tmp.Path, "2026-07-01.json");
        InlineTree.Write(options.InputDir, """
            -- theme/layouts/day.html --
            {{ layout "baseof" }}
            {{ day.nope }}
            """);
        var report = SiteBuilder.Build(options);
        Assert.False(report.Published);
        var d = Assert.Single(report.Diagnostics, x => x.Severity == Severity.Error);
        Assert.Equal("input/theme/layouts/day.html", d.File);
        Assert.StartsWith("line 2", d.Location);
        Assert.False(Directory.Exists(options.OutputDir), string.Join(",", Directory.Exists(options.OutputDir) ? Directory.GetFileSystemEntries(options.OutputDir) : []));
    }

    [Fact]
    public void Build_and_check_commands_print_one_summary_line()
    {
        using var tmp = TestPaths.Temp();
        var options = Input(tmp.Path, "2026-07-02.json");
        var (console, output) = ImportCommandTests.PlainConsole();
        var exit = Program.BuildRoot(console).Parse(["build", "--input", options.InputDir, "--archive", options.ArchiveDir, "--output", options.OutputDir, "--themes-dir", TestPaths.Themes, "--base-url", "https://x.org/repo", "--strict"]).Invoke();
        var text = output.ToString();
        Assert.True(exit == 0, text);
        Assert.Contains("build: ", text);
        Assert.Contains(" pages, ", text);
        Assert.Contains("https://x.org/repo/index.html", File.ReadAllText(Path.Combine(options.OutputDir, "index.html")));

        var (console2, output2) = ImportCommandTests.PlainConsole();
        Assert.Equal(0, Program.BuildRoot(console2).Parse(["check", "--output", options.OutputDir]).Invoke());
        Assert.Contains("no problems", output2.ToString());

        File.WriteAllText(Path.Combine(options.OutputDir, "bad.html"), "<!DOCTYPE html><html lang=en><head><title>x</title></head><body><a href=\"gone.html\">x</a></body></html>");
        var (console3, output3) = ImportCommandTests.PlainConsole();
        Assert.Equal(1, Program.BuildRoot(console3).Parse(["check", "--output", options.OutputDir]).Invoke());
        Assert.Contains("bad.html", output3.ToString());
    }
}
