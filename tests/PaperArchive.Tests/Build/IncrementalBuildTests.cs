using PaperArchive.Build;
using PaperArchive.Rendering;
using PaperArchive.Tests.Rendering;

namespace PaperArchive.Tests.Build;

/// <summary>
/// Incremental builds (<see cref="BuildOptions.Incremental"/>, <see cref="RenderManifest"/>): after every
/// change the site an incremental build publishes is byte for byte the site a full build makes from
/// the same inputs, and pages whose inputs did not change are not rendered again.
/// </summary>
public class IncrementalBuildTests
{
    // Real listing days, added one at a time, oldest first (as the daily job adds them).
    private static readonly string[] Days = ["2026-07-01.json", "2026-07-02.json", "2026-07-03.json"];

    internal static BuildOptions Workspace(string root)
    {
        var input = Path.Combine(root, "input");
        Directory.CreateDirectory(Path.Combine(input, "listings"));
        File.Copy(Path.Combine(TestPaths.RepoRoot, "input", "topics.yml"), Path.Combine(input, "topics.yml"));
        File.WriteAllText(Path.Combine(input, "site.yml"), "title: Test Archive\nbase_url: https://me.github.io/papers/\npage_size: 5\n");
        return new BuildOptions
        {
            InputDir = input,
            ArchiveDir = Path.Combine(root, "archive"),
            OutputDir = Path.Combine(root, "site"),
            ThemesDir = TestPaths.Themes,
        };
    }

    internal static void AddDay(BuildOptions options, string day) =>
        File.Copy(Path.Combine(TestPaths.Fixtures, "hf-api", day), Path.Combine(options.InputDir, "listings", day));

    /// <summary>A full build of the same inputs into a fresh folder, compared file by file with <paramref name="site"/>.</summary>
    private static void AssertSameAsFullBuild(BuildOptions options, string label)
    {
        using var fresh = TestPaths.Temp();
        var full = SiteBuilder.Build(options with { OutputDir = Path.Combine(fresh.Path, "site"), Incremental = false });
        Assert.True(full.Published, string.Join("\n", full.Diagnostics));
        AssertSameTree(full: Path.Combine(fresh.Path, "site"), incremental: options.OutputDir, label);
    }

    internal static void AssertSameTree(string full, string incremental, string label)
    {
        // The parsed-page and search-analysis caches are shortcuts keyed by hashes whose contents depend on what the builds before read; not site output.
        static List<string> Files(string dir) => Directory.GetFiles(dir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/'))
            .Where(f => f != ".paperarchive/" + PaperArchive.Archive.ArchivePageCache.FileName && f != ".paperarchive/" + PaperArchive.Archive.ArchivePageCache.DeltaFileName && f != ".paperarchive/" + PaperArchive.Search.SearchAnalysisCache.FileName)
            .Order(StringComparer.Ordinal).ToList();
        var expected = Files(full);
        var actual = Files(incremental);
        Assert.True(expected.SequenceEqual(actual), $"{label}: file lists differ; only in full: {string.Join(", ", expected.Except(actual).Take(5))}; only in incremental: {string.Join(", ", actual.Except(expected).Take(5))}");
        foreach (var file in expected)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(full, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(incremental, file))), $"{label}: {file} differs from a full build");
        }
    }

    [Fact]
    public void Adding_days_one_by_one_gives_the_full_build_byte_for_byte_and_renders_only_what_changed()
    {
        using var tmp = TestPaths.Temp();
        var options = Workspace(tmp.Path);
        var reused = new List<int>();
        foreach (var day in Days)
        {
            AddDay(options, day);
            var report = SiteBuilder.Build(options);
            Assert.True(report.Published, string.Join("\n", report.Diagnostics));
            AssertSameAsFullBuild(options, "after " + day);
            reused.Add(report.Pages - report.Rendered);
        }
        Assert.Equal(0, reused[0]);
        // From the second day on, most earlier pages (papers of other days, their authors) are kept.
        Assert.All(reused.Skip(1), n => Assert.True(n > 0, string.Join(", ", reused)));

        var again = SiteBuilder.Build(options);
        Assert.Equal(0, again.Rendered);
        AssertSameAsFullBuild(options, "rebuild without changes");
    }

    [Fact]
    public void A_template_edit_renders_the_pages_that_use_it_and_matches_a_full_build()
    {
        using var tmp = TestPaths.Temp();
        var options = Workspace(tmp.Path);
        AddDay(options, Days[0]);
        AddDay(options, Days[1]);
        var first = SiteBuilder.Build(options);
        Assert.True(first.Published);

        // The day layout only: day pages render again, nothing else does.
        InlineTree.Write(options.InputDir, """
            -- theme/layouts/day.html --
            {{ layout "baseof" }}
            <h1>Edited {{ day.display }}</h1>
            <ol>{{ for p in papers }}<li><a href="{{ rel p.url }}">{{ p.title | html.escape }}</a></li>{{ end }}</ol>
            """);
        var edited = SiteBuilder.Build(options);
        Assert.True(edited.Published, string.Join("\n", edited.Diagnostics));
        Assert.Equal(2, edited.Rendered);
        Assert.Contains("Edited", File.ReadAllText(Path.Combine(options.OutputDir, "days", "2026-07-01.html")));
        AssertSameAsFullBuild(options, "day layout edited");

        // A partial every page includes: every page renders again.
        InlineTree.Write(options.InputDir, """
            -- theme/partials/footer.html --
            <footer>Edited footer</footer>
            """);
        var footer = SiteBuilder.Build(options);
        Assert.Equal(footer.Pages, footer.Rendered);
        AssertSameAsFullBuild(options, "footer added in the override folder");

        // Removing the override falls back to the theme's file: again every page.
        File.Delete(Path.Combine(options.InputDir, "theme", "partials", "footer.html"));
        var removed = SiteBuilder.Build(options);
        Assert.Equal(removed.Pages, removed.Rendered);
        AssertSameAsFullBuild(options, "footer override removed");
    }

    [Fact]
    public void A_config_change_renders_everything()
    {
        using var tmp = TestPaths.Temp();
        var options = Workspace(tmp.Path);
        AddDay(options, Days[0]);
        Assert.True(SiteBuilder.Build(options).Published);
        File.AppendAllText(Path.Combine(options.InputDir, "site.yml"), "description: Another description\n");
        var report = SiteBuilder.Build(options);
        Assert.Equal(report.Pages, report.Rendered);
        AssertSameAsFullBuild(options, "site.yml changed");
    }

    [Fact]
    public void A_damaged_manifest_or_missing_page_is_rendered_again()
    {
        using var tmp = TestPaths.Temp();
        var options = Workspace(tmp.Path);
        AddDay(options, Days[0]);
        Assert.True(SiteBuilder.Build(options).Published);

        File.Delete(Path.Combine(options.OutputDir, "days", "2026-07-01.html"));
        var missing = SiteBuilder.Build(options);
        Assert.Equal(1, missing.Rendered);
        AssertSameAsFullBuild(options, "a page deleted from the site");

        File.WriteAllText(Path.Combine(options.OutputDir, RenderManifest.RelativePath), "{ not json");
        var damaged = SiteBuilder.Build(options);
        Assert.Equal(damaged.Pages, damaged.Rendered);
        AssertSameAsFullBuild(options, "manifest damaged");
    }

    [Fact]
    public void Generated_files_and_whole_folders_deleted_from_the_site_are_written_again()
    {
        using var tmp = TestPaths.Temp();
        var options = Workspace(tmp.Path);
        AddDay(options, Days[0]);
        Assert.True(SiteBuilder.Build(options).Published);

        // A generated file with a key (a citation export), one without (the site feed), and a folder of pages.
        var export = Directory.GetFiles(Path.Combine(options.OutputDir, "papers"), "*.bib").Order(StringComparer.Ordinal).First();
        File.Delete(export);
        File.Delete(Path.Combine(options.OutputDir, "atom.xml"));
        Directory.Delete(Path.Combine(options.OutputDir, "weeks"), recursive: true);
        var report = SiteBuilder.Build(options);
        Assert.True(report.Published);
        Assert.True(File.Exists(export));
        Assert.True(File.Exists(Path.Combine(options.OutputDir, "atom.xml")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(options.OutputDir, "weeks")));
        AssertSameAsFullBuild(options, "generated files and a folder deleted from the site");
    }

    [Fact]
    public void Building_never_writes_through_a_hard_link_into_the_published_site()
    {
        using var tmp = TestPaths.Temp();
        var options = Workspace(tmp.Path);
        AddDay(options, Days[0]);
        Assert.True(SiteBuilder.Build(options).Published);
        // Keep a second name for every file of the published site: if the next build wrote into a
        // file it shares with the old site (instead of a new file), the kept bytes would change.
        var keep = Path.Combine(tmp.Path, "keep");
        var kept = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(options.OutputDir, "*", SearchOption.AllDirectories))
        {
            var name = Path.Combine(keep, Path.GetRelativePath(options.OutputDir, file));
            Directory.CreateDirectory(Path.GetDirectoryName(name)!);
            PaperArchive.Common.HardLink.CreateOrCopy(file, name);
            kept[name] = File.ReadAllBytes(file);
        }
        AddDay(options, Days[1]);
        var report = SiteBuilder.Build(options);
        Assert.True(report.Published);
        Assert.InRange(report.Rendered, 1, report.Pages - 1);
        foreach (var (name, bytes) in kept)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(name)), name + " was changed in place");
        }
        AssertSameAsFullBuild(options, "after a second day");
    }

    [Fact]
    public void A_cache_skips_import_and_topics_on_a_theme_edit_and_matches_a_full_build()
    {
        using var tmp = TestPaths.Temp();
        var options = Workspace(tmp.Path) with { Cache = new BuildCache(), SkipCheck = true };
        AddDay(options, Days[0]);
        Assert.True(SiteBuilder.Build(options).Published);

        InlineTree.Write(options.InputDir, """
            -- theme/layouts/day.html --
            {{ layout "baseof" }}
            <h1>Edited {{ day.display }}</h1>
            """);
        var edited = SiteBuilder.Build(options);
        Assert.True(edited.Published, string.Join("\n", edited.Diagnostics));
        Assert.DoesNotContain(edited.Steps, s => s.Step == "topics");
        Assert.Equal(1, edited.Rendered);
        AssertSameAsFullBuild(options with { Cache = null, SkipCheck = false }, "theme edit from the cache");

        // New data: the caller says so, and the next build imports and analyses again.
        AddDay(options, Days[1]);
        options.Cache!.DataChanged();
        var more = SiteBuilder.Build(options);
        Assert.True(more.Published);
        Assert.Contains(more.Steps, s => s.Step == "topics");
        Assert.Equal(2, more.Days);
        AssertSameAsFullBuild(options with { Cache = null, SkipCheck = false }, "new day after the cache was dropped");
    }
}
