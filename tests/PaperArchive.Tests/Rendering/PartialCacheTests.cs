using PaperArchive.Build;
using PaperArchive.Model;
using PaperArchive.Rendering;
using PaperArchive.Tests.Build;

namespace PaperArchive.Tests.Rendering;

/// <summary>
/// <c>include_cached</c> (<see cref="PageRenderer"/>, PartialCache): a partial rendered once per
/// (name, keys, page depth) gives every page the bytes plain <c>include</c> would, and every page that
/// takes it from the cache records what the partial read, so incremental builds stay exact.
/// </summary>
public class PartialCacheTests
{
    private const string PaperId = "2606.22222";

    /// <summary>An input/theme override that puts the default theme's paper list back on plain <c>include</c>.</summary>
    private static string Uncached(string dir)
    {
        var list = File.ReadAllText(Path.Combine(TestPaths.Themes, "default", "partials", "paper-list.html"));
        Assert.Contains("include_cached \"paper-card\"", list, StringComparison.Ordinal);
        Directory.CreateDirectory(Path.Combine(dir, "partials"));
        File.WriteAllText(Path.Combine(dir, "partials", "paper-list.html"), list.Replace("include_cached \"paper-card\" p.id card_heading", "include \"paper-card\"", StringComparison.Ordinal));
        return dir;
    }

    private static void AssertSameHtml(string expectedSite, string actualSite, string label)
    {
        static List<string> Pages(string dir) => Directory.GetFiles(dir, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        var expected = Pages(expectedSite);
        Assert.Equal(expected, Pages(actualSite));
        var cards = 0;
        foreach (var page in expected)
        {
            var bytes = File.ReadAllBytes(Path.Combine(expectedSite, page));
            Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actualSite, page))), $"{label}: {page} differs");
            cards += System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.UTF8.GetString(bytes), "class=\"paper-card\"");
        }
        // Not vacuous: the cards the cache served are on the pages compared.
        Assert.True(cards >= 20, $"{label}: only {cards} cards");
    }

    [Fact]
    public void The_sample_site_is_the_same_bytes_with_and_without_the_card_cache()
    {
        using var cached = RenderHarness.Default();
        Assert.Empty(cached.Report.Diagnostics);
        using var tmp = TestPaths.Temp();
        var theme = Theme.Load(TestPaths.Themes, "default", Uncached(Path.Combine(tmp.Path, "override")));
        var plain = Path.Combine(tmp.Path, "site");
        var report = SiteBuilder.Render(SampleArchive.Create(), SampleArchive.Analysis(), new SiteConfig(), theme, plain, SiteBuilder.PageSources());
        Assert.Empty(report.Diagnostics);
        AssertSameHtml(plain, cached.Site, "sample site");
    }

    [Fact]
    public void A_fixture_site_is_the_same_bytes_with_and_without_the_card_cache()
    {
        using var tmp = TestPaths.Temp();
        BuildOptions Site(string name)
        {
            var options = IncrementalBuildTests.Workspace(Path.Combine(tmp.Path, name));
            foreach (var day in new[] { "2026-07-01.json", "2026-07-02.json", "2026-07-03.json" })
            {
                IncrementalBuildTests.AddDay(options, day);
            }
            return options;
        }
        var cached = Site("cached");
        var plain = Site("plain");
        Uncached(Path.Combine(plain.InputDir, "theme"));
        foreach (var options in new[] { cached, plain })
        {
            var report = SiteBuilder.Build(options);
            Assert.True(report.Published, string.Join("\n", report.Diagnostics));
        }
        AssertSameHtml(plain.OutputDir, cached.OutputDir, "fixture site");
    }

    [Fact]
    public void A_page_that_takes_a_card_from_the_cache_records_what_rendering_the_card_read()
    {
        var theme = Theme.Load(TestPaths.Themes, "default", null);
        var context = new SiteContext(SampleArchive.Create(), SampleArchive.Analysis(), new SiteConfig());
        var plan = SiteRenderer.Plan(context, theme, SiteBuilder.PageSources());
        var pages = plan.Outputs.OfType<SitePage>().ToDictionary(p => p.Path);
        var day = pages["days/2026-06-30.html"];
        var week = pages[SiteUrls.Week(SampleArchive.Day1)];

        plan.Renderer.Render(day, new PageDependencies());
        plan.Renderer.Render(week, new PageDependencies());
        var (hits, misses) = plan.Renderer.PartialCacheCounts;
        Assert.True(misses > 0 && hits > 0, $"{hits} hits, {misses} misses");
        // Every card of the week page now comes from the cache.
        var fromCache = new PageDependencies();
        var html = plan.Renderer.Render(week, fromCache);
        Assert.Equal(misses, plan.Renderer.PartialCacheCounts.Misses);
        Assert.True(plan.Renderer.PartialCacheCounts.Hits > hits);

        var uncached = new PageRenderer(new ThemeTemplates(theme), context.Site, plan.SitePaths, plan.Assets, partialCacheBudget: 0);
        var rendered = new PageDependencies();
        Assert.Equal(uncached.Render(week, rendered), html);
        Assert.Equal(0, uncached.PartialCacheCounts.Hits + uncached.PartialCacheCounts.Misses);
        Assert.Equal(rendered.SiteMembers, fromCache.SiteMembers);
        Assert.Equal(rendered.PaperMembers, fromCache.PaperMembers);
        Assert.Equal(rendered.ThemeFiles, fromCache.ThemeFiles);
        Assert.Equal(rendered.Exists, fromCache.Exists);
        // What only the card reads (the week layout itself shows no summaries or organisations).
        Assert.Contains("ai_summary", fromCache.PaperMembers);
        Assert.Contains("organization", fromCache.PaperMembers);
        Assert.Contains("partials/paper-card.html", fromCache.ThemeFiles.Keys);
    }

    [Fact]
    public void A_page_that_took_a_card_from_the_cache_renders_again_when_the_card_changes()
    {
        using var tmp = TestPaths.Temp();
        var theme = Theme.Load(TestPaths.Themes, "default", null);
        var archive = SampleArchive.Create();
        var analysis = SampleArchive.Analysis();
        var first = Path.Combine(tmp.Path, "one");
        Directory.CreateDirectory(first);
        var plan = SiteRenderer.Plan(new SiteContext(archive, analysis, new SiteConfig()), theme, SiteBuilder.PageSources());
        var manifest = SiteRenderer.Render(plan, first, null, new RenderOptions()).Manifest!;
        Assert.True(plan.Renderer.PartialCacheCounts.Hits > 0);
        // The render let go of its cache; a page rendered afterwards (the preview server) fills it again, to the same bytes.
        var misses = plan.Renderer.PartialCacheCounts.Misses;
        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "days/2026-06-30.html")), plan.RenderPage("days/2026-06-30.html"));
        Assert.True(plan.Renderer.PartialCacheCounts.Misses > misses);
        var listing = Directory.GetFiles(first, "*.html", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains($"data-paper-id=\"{PaperId}\"", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(first, f).Replace('\\', '/')).ToList();
        Assert.True(listing.Count >= 3, string.Join(", ", listing));

        // Only the title changes: a member the card shows and list layouts do not.
        var retitled = archive with { Papers = archive.Papers.Select(p => p.Id == PaperId ? p with { Title = "A Retitled Benchmark" } : p).ToValueList() };
        var second = Path.Combine(tmp.Path, "two");
        Directory.CreateDirectory(second);
        var after = SiteRenderer.Render(new SiteContext(retitled, analysis, new SiteConfig()), theme, SiteBuilder.PageSources(), second, null,
            new RenderOptions { PreviousSite = first, Previous = manifest });
        var rendered = after.Manifest!.Pages.Where(kv => !ReferenceEquals(kv.Value, manifest.Pages.GetValueOrDefault(kv.Key))).Select(kv => kv.Key).ToHashSet();
        Assert.All(listing, page => Assert.Contains(page, rendered));
        Assert.True(rendered.Count < manifest.Pages.Count, "everything was rendered again");

        var full = Path.Combine(tmp.Path, "full");
        Directory.CreateDirectory(full);
        SiteRenderer.Render(new SiteContext(retitled, analysis, new SiteConfig()), theme, SiteBuilder.PageSources(), full, null, new RenderOptions());
        IncrementalBuildTests.AssertSameTree(full, second, "a cached card's title changed");
    }

    /// <summary>Pages at three folder depths listing the same paper.</summary>
    private sealed class DepthSource : IPageSource
    {
        public IEnumerable<SiteOutput> GetPages(SiteContext site)
        {
            object?[] papers = [site.PaperModel("2606.11111")];
            foreach (var path in new[] { "a.html", "x/b.html", "x/y/c.html", "d.html", "z/e.html" })
            {
                yield return new SitePage(path, "list", path, new Dictionary<string, object?> { ["papers"] = papers });
            }
        }
    }

    [Fact]
    public void The_key_includes_the_page_depth()
    {
        using var h = RenderHarness.FromTree("""
            -- themes/t/layouts/_default.html --
            {{ for p in papers }}{{ include_cached "card" p.id }}{{ end }}
            -- themes/t/partials/card.html --
            <a href="{{ rel p.url }}">{{ p.title }}</a>
            """, sources: [new DepthSource()]);
        Assert.Empty(h.Report.Diagnostics);
        const string Title = "Sparse Attention for Long Context Reasoning";
        Assert.Equal($"<a href=\"papers/2606.11111.html\">{Title}</a>\n", h.Read("a.html"));
        Assert.Equal($"<a href=\"../papers/2606.11111.html\">{Title}</a>\n", h.Read("x/b.html"));
        Assert.Equal($"<a href=\"../../papers/2606.11111.html\">{Title}</a>\n", h.Read("x/y/c.html"));
        Assert.Equal(h.Read("a.html"), h.Read("d.html"));
        Assert.Equal(h.Read("x/b.html"), h.Read("z/e.html"));
    }

    [Fact]
    public void Keys_are_part_of_the_key_and_the_partial_sees_them_as_arguments()
    {
        using var h = RenderHarness.FromTree("""
            -- themes/t/layouts/_default.html --
            {{ for p in papers }}{{ include_cached "card" p.id "h2" }}|{{ include_cached "card" p.id "h3" }}|{{ include_cached "card" p.id "h2" }}{{ end }}
            -- themes/t/partials/card.html --
            <{{ $2 }}>{{ p.title }}</{{ $2 }}>
            """, sources: [new DepthSource()]);
        Assert.Empty(h.Report.Diagnostics);
        const string Title = "Sparse Attention for Long Context Reasoning";
        Assert.Equal($"<h2>{Title}</h2>\n|<h3>{Title}</h3>\n|<h2>{Title}</h2>\n", h.Read("a.html"));
    }

    [Theory]
    [InlineData("{{ include_cached \"card\" p }}", "include_cached keys must be strings, numbers, booleans or null")]
    [InlineData("{{ include_cached \"\" }}", "include_cached expects the partial's name first")]
    [InlineData("{{ include_cached \"nope\" p.id }}", "partial 'nope' not found")]
    public void A_misused_include_cached_is_an_error_naming_the_template(string call, string message)
    {
        using var h = RenderHarness.FromTree($$$"""
            -- themes/t/layouts/_default.html --
            {{ for p in papers }}{{{call}}}{{ end }}
            -- themes/t/partials/card.html --
            {{ p.title }}
            """, sources: [new DepthSource()]);
        var error = Assert.Single(h.Report.Diagnostics.Select(d => d.ToString()).Distinct(), d => d.Contains(message, StringComparison.Ordinal));
        Assert.Contains("_default.html", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_cache_renders_the_rest_as_include_does()
    {
        var theme = Theme.Load(TestPaths.Themes, "default", null);
        var context = new SiteContext(SampleArchive.Create(), SampleArchive.Analysis(), new SiteConfig());
        var plan = SiteRenderer.Plan(context, theme, SiteBuilder.PageSources());
        // Room for one card at most.
        var tiny = new PageRenderer(new ThemeTemplates(theme), context.Site, plan.SitePaths, plan.Assets, partialCacheBudget: 1500);
        foreach (var page in plan.Outputs.OfType<SitePage>())
        {
            var cached = new PageDependencies();
            var full = new PageDependencies();
            Assert.Equal(plan.Renderer.Render(page, cached), tiny.Render(page, full));
            Assert.Equal(cached.PaperMembers, full.PaperMembers);
            Assert.Equal(cached.ThemeFiles, full.ThemeFiles);
        }
        Assert.True(tiny.PartialCacheCounts.Misses > plan.Renderer.PartialCacheCounts.Misses, $"{tiny.PartialCacheCounts} vs {plan.Renderer.PartialCacheCounts}");
        Assert.True(plan.Renderer.PartialCacheCounts.Hits > tiny.PartialCacheCounts.Hits);
    }
}
