using PaperArchive.Build;
using PaperArchive.Model;
using PaperArchive.Rendering;
using PaperArchive.Tests.Rendering;

namespace PaperArchive.Tests.Build;

/// <summary>
/// A build over a published site with a manifest updates it in place (<see cref="StagingDirectory.PublishInPlace"/>):
/// only new and changed files are written, an interrupted update is finished by the next build, and pages
/// depend only on the paper members their templates read (<see cref="TrackedPaperAccessor"/>).
/// </summary>
public class InPlacePublishTests
{
    private static BuildOptions Workspace(string root, params string[] days)
    {
        var options = IncrementalBuildTests.Workspace(root);
        foreach (var day in days)
        {
            IncrementalBuildTests.AddDay(options, day);
        }
        return options;
    }

    // The site's files, build state (manifest, parsed-page cache) aside.
    private static int FileCount(string dir) => Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Count(f => !f.Contains("/.paperarchive/", StringComparison.Ordinal));

    [Fact]
    public void A_rebuild_without_changes_writes_nothing_and_a_new_day_writes_only_what_changed()
    {
        using var tmp = TestPaths.Temp();
        var options = Workspace(tmp.Path, "2026-07-01.json");
        var first = SiteBuilder.Build(options);
        Assert.True(first.Published, string.Join("\n", first.Diagnostics));
        Assert.Equal(SiteBytes(options.OutputDir), first.Bytes);
        // From scratch every file is written.
        Assert.Equal(FileCount(options.OutputDir), first.Changed);

        var again = SiteBuilder.Build(options);
        Assert.True(again.Published);
        Assert.Equal(0, again.Rendered);
        Assert.Equal(0, again.Changed);
        Assert.Equal(SiteBytes(options.OutputDir), again.Bytes);

        IncrementalBuildTests.AddDay(options, "2026-07-02.json");
        var next = SiteBuilder.Build(options);
        Assert.True(next.Published);
        // Day pages, new papers, feeds, search shards: more than the pages rendered, far from all files.
        Assert.InRange(next.Changed, next.Rendered, FileCount(options.OutputDir) - 50);
        // The size check updated the published size by what changed; it is what the site measures.
        Assert.Equal(SiteBytes(options.OutputDir), next.Bytes);
        Assert.False(Directory.Exists(Path.Combine(tmp.Path, ".site.building")));
        IncrementalBuildTests.AssertSameTree(Path.Combine(BuildFresh(options, tmp.Path), "site"), options.OutputDir, "after the in-place update");
    }

    private static long SiteBytes(string dir) =>
        Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/.paperarchive/", StringComparison.Ordinal)).Sum(f => new FileInfo(f).Length);

    private static string BuildFresh(BuildOptions options, string root)
    {
        var fresh = Path.Combine(root, "fresh");
        var report = SiteBuilder.Build(options with { OutputDir = Path.Combine(fresh, "site"), Incremental = false });
        Assert.True(report.Published, string.Join("\n", report.Diagnostics));
        return fresh;
    }

    [Fact]
    public void A_file_the_new_site_no_longer_has_is_deleted_with_its_empty_folder()
    {
        using var tmp = TestPaths.Temp();
        var options = Workspace(tmp.Path, "2026-07-01.json");
        Assert.True(SiteBuilder.Build(options).Published);
        // A topic rule removed: its page and feed go away on the next build, as in a build from scratch.
        var topics = Path.Combine(options.InputDir, "topics.yml");
        var before = Directory.GetFiles(options.OutputDir, "*", SearchOption.AllDirectories).Length;
        File.WriteAllText(topics, "topics: []\n");
        var report = SiteBuilder.Build(options);
        Assert.True(report.Published, string.Join("\n", report.Diagnostics));
        Assert.True(Directory.GetFiles(options.OutputDir, "*", SearchOption.AllDirectories).Length < before);
        IncrementalBuildTests.AssertSameTree(Path.Combine(BuildFresh(options, tmp.Path), "site"), options.OutputDir, "after removing the topics");
        Assert.DoesNotContain(Directory.GetDirectories(options.OutputDir, "*", SearchOption.AllDirectories), d => !Directory.EnumerateFileSystemEntries(d).Any());
    }

    [Fact]
    public void An_update_interrupted_after_its_files_were_complete_is_finished_by_the_next_build()
    {
        using var tmp = TestPaths.Temp();
        var site = Path.Combine(tmp.Path, "site");
        var staging = Path.Combine(tmp.Path, ".site.building");
        InlineTree.Write(site, """
            -- index.html --
            old home
            -- days/a.html --
            old day
            -- gone/b.html --
            stale
            -- .paperarchive/manifest.bin --
            old manifest
            """);
        InlineTree.Write(staging, """
            -- index.html --
            new home
            -- days/c.html --
            new day
            -- .paperarchive/manifest.bin --
            new manifest
            -- .paperarchive-publish --
            gone/b.html
            """);
        // Killed after the first move: the home page is new already, the rest still staged.
        StagingDirectory.Recover(site);
        Assert.Equal("new home", File.ReadAllText(Path.Combine(site, "index.html")).Trim());
        Assert.Equal("old day", File.ReadAllText(Path.Combine(site, "days", "a.html")).Trim());
        Assert.Equal("new day", File.ReadAllText(Path.Combine(site, "days", "c.html")).Trim());
        Assert.Equal("new manifest", File.ReadAllText(Path.Combine(site, ".paperarchive", "manifest.bin")).Trim());
        Assert.False(Directory.Exists(Path.Combine(site, "gone")));
        Assert.False(Directory.Exists(staging));
    }

    [Fact]
    public void An_update_killed_before_its_files_were_complete_is_thrown_away()
    {
        using var tmp = TestPaths.Temp();
        var site = Path.Combine(tmp.Path, "site");
        InlineTree.Write(site, """
            -- index.html --
            old home
            """);
        InlineTree.Write(Path.Combine(tmp.Path, ".site.building"), """
            -- index.html --
            half
            """);
        using (StagingDirectory.Create(site))
        {
        }
        Assert.Equal("old home", File.ReadAllText(Path.Combine(site, "index.html")).Trim());
        Assert.False(Directory.Exists(Path.Combine(tmp.Path, ".site.building")));
    }

    [Fact]
    public void List_pages_depend_on_the_paper_members_they_show_not_on_similar_papers()
    {
        using var tmp = TestPaths.Temp();
        var theme = Theme.Load(TestPaths.Themes, "default", null);
        var archive = SampleArchive.Create();
        var analysis = SampleArchive.Analysis();
        var first = Path.Combine(tmp.Path, "one");
        Directory.CreateDirectory(first);
        var before = SiteRenderer.Render(new SiteContext(archive, analysis, new SiteConfig()), theme, SiteBuilder.PageSources(), first, null, new RenderOptions());
        var manifest = before.Manifest!;
        Assert.Contains("title", manifest.Pages["days/2026-06-30.html"].PaperMembers!);
        Assert.DoesNotContain("similar", manifest.Pages["days/2026-06-30.html"].PaperMembers!);
        Assert.Contains("similar", manifest.Pages["papers/2606.11111.html"].PaperMembers!);

        // Only the similar-papers list of one paper changes.
        var changed = analysis with
        {
            ByPaper = analysis.ByPaper.ToDictionary(kv => kv.Key, kv => kv.Value with { SimilarIds = ValueList<string>.Empty }),
        };
        var second = Path.Combine(tmp.Path, "two");
        Directory.CreateDirectory(second);
        var after = SiteRenderer.Render(new SiteContext(archive, changed, new SiteConfig()), theme, SiteBuilder.PageSources(), second, null,
            new RenderOptions { PreviousSite = first, Previous = manifest });
        var rendered = after.Manifest!.Pages.Where(kv => !ReferenceEquals(kv.Value, manifest.Pages.GetValueOrDefault(kv.Key))).Select(kv => kv.Key).ToList();
        Assert.Contains("papers/2606.11111.html", rendered);
        Assert.DoesNotContain("days/2026-06-30.html", rendered);
        Assert.DoesNotContain(rendered, p => p.StartsWith("authors/", StringComparison.Ordinal));

        // And the kept pages are what a full render makes.
        var full = Path.Combine(tmp.Path, "full");
        Directory.CreateDirectory(full);
        SiteRenderer.Render(new SiteContext(archive, changed, new SiteConfig()), theme, SiteBuilder.PageSources(), full, null, new RenderOptions());
        IncrementalBuildTests.AssertSameTree(full, second, "similar papers changed");
    }

    [Fact]
    public void A_keyed_generated_file_is_kept_without_generating_it_and_generated_again_when_its_values_change()
    {
        using var tmp = TestPaths.Temp();
        var theme = Theme.Load(TestPaths.Themes, "default", null);
        var context = new SiteContext(SampleArchive.Create(), SampleArchive.Analysis(), new SiteConfig());
        var source = new CountingSource { Value = "one" };
        IReadOnlyList<IPageSource> sources = [.. SiteBuilder.PageSources(), source];

        // The first build writes a site and its manifest.
        var site = Path.Combine(tmp.Path, "site");
        Directory.CreateDirectory(site);
        var files = new SiteFileWriter(site);
        var first = SiteRenderer.Render(SiteRenderer.Plan(context, theme, sources), site, null, new RenderOptions { Global = "g", Files = files });
        var manifest = first.Manifest! with { Files = new SortedDictionary<string, string>(files.Hashes.ToDictionary(), StringComparer.Ordinal) };
        Assert.Equal(1, source.Calls["keyed.txt"]);
        Assert.True(manifest.FileKeys.ContainsKey("keyed.txt"));
        Assert.False(manifest.FileKeys.ContainsKey("plain.txt"));
        // Citation exports and feeds carry keys too.
        Assert.Contains(manifest.FileKeys.Keys, k => k.EndsWith(".bib", StringComparison.Ordinal));
        Assert.Contains(manifest.FileKeys.Keys, k => k.EndsWith(".ris", StringComparison.Ordinal));

        RenderReport Update(string name)
        {
            var staging = Path.Combine(tmp.Path, name);
            Directory.CreateDirectory(staging);
            var writer = new SiteFileWriter(staging, site, manifest.Files);
            return SiteRenderer.Render(SiteRenderer.Plan(context, theme, sources), staging, null,
                new RenderOptions { PreviousSite = site, Previous = manifest, Global = "g", Files = writer });
        }

        // Same values: the keyed file is not generated (the plain one is, and kept because its bytes are the same).
        Update("same");
        Assert.Equal(1, source.Calls["keyed.txt"]);
        Assert.Equal(2, source.Calls["plain.txt"]);
        Assert.False(File.Exists(Path.Combine(tmp.Path, "same", "keyed.txt")));
        Assert.False(Directory.EnumerateFiles(Path.Combine(tmp.Path, "same"), "*.bib", SearchOption.AllDirectories).Any());

        // A value in its key changed: generated and written again.
        source.Value = "two";
        Update("changed");
        Assert.Equal(2, source.Calls["keyed.txt"]);
        Assert.Equal("two", File.ReadAllText(Path.Combine(tmp.Path, "changed", "keyed.txt")));

        // Another engine (the global key) keeps nothing by key.
        source.Value = "one";
        var other = Path.Combine(tmp.Path, "other");
        Directory.CreateDirectory(other);
        SiteRenderer.Render(SiteRenderer.Plan(context, theme, sources), other, null,
            new RenderOptions { PreviousSite = site, Previous = manifest, Global = "other", Files = new SiteFileWriter(other, site, manifest.Files) });
        Assert.Equal(3, source.Calls["keyed.txt"]);
    }

    private sealed class CountingSource : IPageSource
    {
        public System.Collections.Concurrent.ConcurrentDictionary<string, int> Calls { get; } = new(StringComparer.Ordinal);

        public string Value { get; set; } = "";

        public IEnumerable<SiteOutput> GetPages(SiteContext site)
        {
            var value = Value;
            yield return new SiteFile("keyed.txt", s => Write(s, "keyed.txt", value)) { Key = f => f.Key("counted", value), InSitemap = false };
            yield return new SiteFile("plain.txt", s => Write(s, "plain.txt", "plain")) { InSitemap = false };
        }

        private void Write(Stream stream, string name, string text)
        {
            Calls.AddOrUpdate(name, 1, (_, n) => n + 1);
            stream.Write(System.Text.Encoding.UTF8.GetBytes(text));
        }
    }
}
