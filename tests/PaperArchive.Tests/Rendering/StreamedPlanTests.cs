using PaperArchive.Build;
using PaperArchive.Rendering;

namespace PaperArchive.Tests.Rendering;

/// <summary>
/// The build renders from a streamed plan (<see cref="SiteRenderPlan.CreateStreamed"/>): it keeps only the outputs'
/// paths and asks the sources again while rendering. It must write exactly what the plan holding every output writes.
/// </summary>
public class StreamedPlanTests
{
    [Fact]
    public void A_streamed_plan_writes_the_same_files_and_bytes_as_a_plan_holding_every_output()
    {
        var site = new SiteContext(SampleArchive.Create(), SampleArchive.Analysis(), new SiteConfig());
        var theme = Theme.Load(TestPaths.Themes, "default", null);
        using var tmp = TestPaths.Temp();
        var held = SiteRenderPlan.Create(site, theme, SiteBuilder.PageSources());
        var streamed = SiteRenderPlan.CreateStreamed(site, theme, SiteBuilder.PageSources());

        Assert.Equal(held.OutputPaths, streamed.OutputPaths);
        Assert.Equal(held.SitemapPaths, streamed.SitemapPaths);
        Assert.Equal(held.PageCount, streamed.PageCount);
        Assert.True(streamed.PageCount > 20);
        Assert.Throws<InvalidOperationException>(() => streamed.Outputs);

        var a = SiteRenderer.Render(held, Path.Combine(tmp.Path, "held"), null, null);
        var b = SiteRenderer.Render(streamed, Path.Combine(tmp.Path, "streamed"), null, null);
        Assert.Equal(a.Paths, b.Paths);
        Assert.Equal(a.Pages, b.Pages);
        var files = ListFiles(Path.Combine(tmp.Path, "held"));
        Assert.Equal(files, ListFiles(Path.Combine(tmp.Path, "streamed")));
        foreach (var f in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(tmp.Path, "held", f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(tmp.Path, "streamed", f))), f + " differs");
        }
    }

    [Fact]
    public void A_path_claimed_twice_is_reported_and_the_first_claim_written_in_both_plans()
    {
        var site = new SiteContext(SampleArchive.Create(), SampleArchive.Analysis(), new SiteConfig());
        var theme = Theme.Load(TestPaths.Themes, "default", null);
        IReadOnlyList<IPageSource> sources = [new Files("first", "a.txt", "b.txt", "a.txt"), new Files("second", "b.txt", "c.txt")];
        using var tmp = TestPaths.Temp();
        foreach (var (name, plan) in new[] { ("held", SiteRenderPlan.Create(site, theme, sources)), ("streamed", SiteRenderPlan.CreateStreamed(site, theme, sources)) })
        {
            Assert.Equal(["a.txt", "b.txt", "c.txt"], plan.OutputPaths);
            Assert.Equal(
                ["a.txt: written by both Files and Files; the second is skipped", "b.txt: written by both Files and Files; the second is skipped"],
                plan.Diagnostics.Select(d => d.File + ": " + d.Message));
            var dir = Path.Combine(tmp.Path, name);
            SiteRenderer.Render(plan, dir, null, null);
            // The first claim of each path wins: a.txt and b.txt from the first source, c.txt from the second.
            Assert.Equal("first:a.txt#0", File.ReadAllText(Path.Combine(dir, "a.txt")));
            Assert.Equal("first:b.txt#1", File.ReadAllText(Path.Combine(dir, "b.txt")));
            Assert.Equal("second:c.txt#1", File.ReadAllText(Path.Combine(dir, "c.txt")));
        }
    }

    [Fact]
    public void A_source_that_lists_other_outputs_the_second_time_fails_the_streamed_render_naming_it()
    {
        var site = new SiteContext(SampleArchive.Create(), SampleArchive.Analysis(), new SiteConfig());
        var theme = Theme.Load(TestPaths.Themes, "default", null);
        var fickle = new Fickle();
        var plan = SiteRenderPlan.CreateStreamed(site, theme, [fickle]);
        using var tmp = TestPaths.Temp();
        var e = Assert.Throws<AggregateException>(() => SiteRenderer.Render(plan, tmp.Path, null, null));
        var inner = Assert.IsType<InvalidOperationException>(Assert.Single(e.Flatten().InnerExceptions));
        Assert.Contains("Fickle listed other outputs the second time", inner.Message);
    }

    private static List<string> ListFiles(string dir) =>
        [.. Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f)).Order(StringComparer.Ordinal)];

    /// <summary>Text files whose content names the source, path and position.</summary>
    private sealed class Files(string name, params string[] paths) : IPageSource
    {
        public IEnumerable<SiteOutput> GetPages(SiteContext site) =>
            paths.Select((p, i) => new SiteFile(p, s => s.Write(System.Text.Encoding.UTF8.GetBytes($"{name}:{p}#{i}"))));
    }

    /// <summary>Lists f.txt the first time it is asked, g.txt after that.</summary>
    private sealed class Fickle : IPageSource
    {
        private int _calls;

        public IEnumerable<SiteOutput> GetPages(SiteContext site) =>
            [new SiteFile(Interlocked.Increment(ref _calls) == 1 ? "f.txt" : "g.txt", s => s.WriteByte((byte)'x'))];
    }
}
