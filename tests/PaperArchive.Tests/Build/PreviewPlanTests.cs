using System.Text;
using PaperArchive.Build;
using PaperArchive.Rendering;

namespace PaperArchive.Tests.Build;

/// <summary>
/// <see cref="SiteBuilder.Plan"/> and <see cref="SiteRenderPlan.RenderPage"/>: the single page the preview
/// server renders in memory is byte for byte the page the full build writes — for every page kind, before
/// and after a theme edit — because both start from the same <see cref="SiteRenderPlan"/>.
/// </summary>
public class PreviewPlanTests
{
    private static BuildOptions Workspace(string root)
    {
        var input = Path.Combine(root, "input");
        var listings = Path.Combine(input, "listings");
        Directory.CreateDirectory(listings);
        foreach (var day in new[] { "2026-07-01.json", "2026-07-02.json" })
        {
            File.Copy(Path.Combine(TestPaths.Fixtures, "hf-api", day), Path.Combine(listings, day));
        }
        File.Copy(Path.Combine(TestPaths.RepoRoot, "input", "topics.yml"), Path.Combine(input, "topics.yml"));
        File.WriteAllText(Path.Combine(input, "site.yml"), "title: Preview Test\nbase_url: https://me.github.io/papers/\npage_size: 5\n");
        return new BuildOptions
        {
            InputDir = input,
            ArchiveDir = Path.Combine(root, "archive"),
            OutputDir = Path.Combine(root, "site"),
            ThemesDir = TestPaths.Themes,
            Cache = new BuildCache(),
            SkipCheck = true,
        };
    }

    /// <summary>The first page of every kind the site has (home, day, week, month, calendar, paper, author, topic, keyword, search, 404, …).</summary>
    private static List<SitePage> OnePageOfEachKind(SiteRenderPlan plan) =>
        plan.Outputs.OfType<SitePage>().GroupBy(p => p.Kind, StringComparer.Ordinal).Select(g => g.First()).ToList();

    private static void AssertSameAsDisk(SiteRenderPlan plan, IEnumerable<SitePage> pages, string site, string label)
    {
        foreach (var page in pages)
        {
            var preview = plan.RenderPage(page.Path);
            Assert.NotNull(preview);
            Assert.True(File.ReadAllBytes(Path.Combine(site, page.Path)).AsSpan().SequenceEqual(preview),
                $"{label}: {page.Path} ({page.Kind}) rendered alone differs from the full build");
        }
    }

    [Fact]
    public void Every_page_kind_rendered_alone_is_the_full_builds_bytes()
    {
        using var tmp = TestPaths.Temp();
        var options = Workspace(tmp.Path);
        var report = SiteBuilder.Build(options);
        Assert.True(report.Published, string.Join("\n", report.Diagnostics));

        var plan = SiteBuilder.Plan(options);
        Assert.NotNull(plan.Render);
        var pages = OnePageOfEachKind(plan.Render);
        Assert.Superset(new HashSet<string> { "home", "day", "week", "month", "calendar", "paper", "author", "topic", "search" }, pages.Select(p => p.Kind).ToHashSet());
        AssertSameAsDisk(plan.Render, pages, options.OutputDir, "no edit");
        Assert.Equal(report.Pages, plan.Render.Outputs.OfType<SitePage>().Count());
    }

    [Fact]
    public void After_a_header_and_stylesheet_edit_the_preview_shows_it_first_and_the_build_writes_the_same_bytes()
    {
        using var tmp = TestPaths.Temp();
        var options = Workspace(tmp.Path);
        Assert.True(SiteBuilder.Build(options).Published);
        var oldCss = Directory.GetFiles(Path.Combine(options.OutputDir, "assets", "css"), "site.*.css").Single();

        // The theme guide's way: override the header (and the stylesheet) under input/theme/.
        var overrides = Path.Combine(options.InputDir, "theme");
        Directory.CreateDirectory(Path.Combine(overrides, "partials"));
        Directory.CreateDirectory(Path.Combine(overrides, "assets", "css"));
        var header = File.ReadAllText(Path.Combine(TestPaths.Themes, "default", "partials", "header.html"));
        File.WriteAllText(Path.Combine(overrides, "partials", "header.html"),
            header.Replace("<span class=\"brand-mark\"", "<span id=\"preview-edit\">Edited</span><span class=\"brand-mark\"", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(overrides, "assets", "css", "site.css"),
            File.ReadAllText(Path.Combine(TestPaths.Themes, "default", "assets", "css", "site.css")) + "\n#preview-edit { color: red; }\n");

        // Rendered before the build, from the cached archive and analysis (the serve path).
        var plan = SiteBuilder.Plan(options);
        Assert.NotNull(plan.Render);
        var pages = OnePageOfEachKind(plan.Render);
        var previews = pages.ToDictionary(p => p.Path, p => plan.Render.RenderPage(p.Path)!);
        var newCss = plan.Render.Assets.SitePath("css/site.css");
        Assert.NotEqual(Path.GetFileName(oldCss), Path.GetFileName(newCss));
        foreach (var (path, bytes) in previews)
        {
            var html = Encoding.UTF8.GetString(bytes);
            Assert.Contains("<span id=\"preview-edit\">Edited</span>", html);
            Assert.Contains(Path.GetFileName(newCss), html);
            Assert.DoesNotContain("preview-edit", File.ReadAllText(Path.Combine(options.OutputDir, path)));
        }

        var report = SiteBuilder.Build(options);
        Assert.True(report.Published, string.Join("\n", report.Diagnostics));
        Assert.False(report.Imported);
        foreach (var (path, bytes) in previews)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(options.OutputDir, path)).AsSpan().SequenceEqual(bytes), path + ": preview bytes differ from the published page");
        }
        Assert.True(File.Exists(Path.Combine(options.OutputDir, newCss)));
        // And a plan made after the build agrees with it for every kind, too.
        AssertSameAsDisk(SiteBuilder.Plan(options).Render!, pages, options.OutputDir, "after the edit");
    }

    [Fact]
    public void A_template_error_names_file_line_and_page_as_the_full_build_does()
    {
        using var tmp = TestPaths.Temp();
        var options = Workspace(tmp.Path);
        Assert.True(SiteBuilder.Build(options).Published);
        var overrides = Path.Combine(options.InputDir, "theme", "partials");
        Directory.CreateDirectory(overrides);
        File.WriteAllText(Path.Combine(overrides, "header.html"), "<header>\n{{ if }}\n</header>\n");

        var plan = SiteBuilder.Plan(options);
        var error = Assert.Throws<ThemeException>(() => plan.Render!.RenderPage("index.html")).Diagnostic;
        Assert.EndsWith("partials/header.html", error.File.Replace('\\', '/'));
        Assert.StartsWith("line 2", error.Location);
        Assert.EndsWith("(rendering index.html)", error.Message);

        var build = SiteBuilder.Build(options);
        Assert.False(build.Published);
        Assert.Contains(build.Diagnostics, d => d.File == error.File && d.Location == error.Location && d.Message.Split(" (rendering ")[0] == error.Message.Split(" (rendering ")[0]);
    }

    [Fact]
    public void Without_cached_data_or_for_files_that_are_not_pages_there_is_nothing_to_preview()
    {
        using var tmp = TestPaths.Temp();
        var options = Workspace(tmp.Path);
        Assert.True(SiteBuilder.Plan(options).NeedsImport);
        Assert.True(SiteBuilder.Plan(options with { Cache = null }).NeedsImport);

        Assert.True(SiteBuilder.Build(options).Published);
        var plan = SiteBuilder.Plan(options).Render!;
        Assert.Null(plan.RenderPage(SiteUrls.Atom));
        Assert.Null(plan.RenderPage("no-such-page.html"));
        Assert.NotNull(plan.RenderPage(SiteUrls.Home));

        // A listing edit clears the cache: only a full build (which imports) can show it.
        options.Cache!.DataChanged();
        Assert.True(SiteBuilder.Plan(options).NeedsImport);
    }

    [Fact]
    public void A_cancelled_build_publishes_nothing_and_leaves_no_staging_folder()
    {
        using var tmp = TestPaths.Temp();
        var options = Workspace(tmp.Path);
        Assert.True(SiteBuilder.Build(options).Published);
        var before = File.ReadAllBytes(Path.Combine(options.OutputDir, "index.html"));
        var overrides = Path.Combine(options.InputDir, "theme", "partials");
        Directory.CreateDirectory(overrides);
        File.WriteAllText(Path.Combine(overrides, "header.html"), "<header>cancelled</header>\n");

        // Cancelled while pages render (the first progress report), so a staging folder exists and must go.
        using var cancel = new CancellationTokenSource();
        var progress = new ProgressCallback(p =>
        {
            if (p.Step == "pages" && p.Done > 0)
            {
                cancel.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() => SiteBuilder.Build(options with { Cancellation = cancel.Token, Progress = progress }));
        Assert.True(cancel.IsCancellationRequested);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(options.OutputDir, "index.html")));
        Assert.False(Directory.Exists(Path.Combine(tmp.Path, ".site.building")), "the staging folder of the cancelled build is left behind");
        Assert.Equal(new[] { "site" }, Directory.GetDirectories(tmp.Path).Select(d => Path.GetFileName(d)).Where(n => n.Contains("site", StringComparison.Ordinal)));

        // The cached data survive: the next build renders the edit without importing again.
        var next = SiteBuilder.Build(options);
        Assert.True(next.Published);
        Assert.False(next.Imported);
        Assert.Contains("cancelled", File.ReadAllText(Path.Combine(options.OutputDir, "index.html")));
    }

    [Fact]
    public void Previews_of_the_same_data_reuse_the_site_and_its_pages_and_a_data_change_makes_them_anew()
    {
        using var tmp = TestPaths.Temp();
        var options = Workspace(tmp.Path);
        Assert.True(SiteBuilder.Build(options).Published);
        var first = SiteBuilder.Plan(options).Render!;
        var second = SiteBuilder.Plan(options).Render!;
        Assert.Same(first.Site, second.Site);
        Assert.Same(first.Outputs, second.Outputs);
        // A new theme each time (it is what changed), so a new renderer.
        Assert.NotSame(first.Renderer, second.Renderer);

        // Another configuration (here --base-url) is another site.
        var other = SiteBuilder.Plan(options with { BaseUrl = "https://other.example/" }).Render!;
        Assert.NotSame(first.Site, other.Site);

        options.Cache!.DataChanged();
        Assert.True(SiteBuilder.Build(options).Published);
        var after = SiteBuilder.Plan(options).Render!;
        Assert.NotSame(first.Site, after.Site);
        AssertSameAsDisk(after, OnePageOfEachKind(after), options.OutputDir, "after a data change");
    }

    [Fact]
    public void A_theme_that_cannot_load_is_reported_without_a_plan()
    {
        using var tmp = TestPaths.Temp();
        var options = Workspace(tmp.Path);
        Assert.True(SiteBuilder.Build(options).Published);
        var plan = SiteBuilder.Plan(options with { Theme = "no-such-theme" });
        Assert.Null(plan.Render);
        Assert.False(plan.NeedsImport);
        Assert.Contains(plan.Diagnostics, d => d.Severity == PaperArchive.Common.Severity.Error);
    }

    private sealed class ProgressCallback(Action<BuildProgress> report) : IProgress<BuildProgress>
    {
        public void Report(BuildProgress value) => report(value);
    }
}
