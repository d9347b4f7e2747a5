using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PaperArchive.Archive;
using PaperArchive.Build;
using PaperArchive.Common;
using PaperArchive.Model;
using PaperArchive.Rendering;
using PaperArchive.Tests.Archive;
using PaperArchive.Topics;

namespace PaperArchive.Tests.Reliability;

/// <summary>
/// Every file name derived from scraped text (paper ids, author and organisation names, keywords,
/// topic slugs) stays inside its output folder, is a plain safe name, and is unique among its kind —
/// for the archive and for the site, including a whole render of arbitrary archives.
/// </summary>
public sealed class PathSafetyPropertyTests : IDisposable
{
    private readonly TestPaths.TempDir _tmp = TestPaths.Temp();

    public void Dispose() => _tmp.Dispose();

    private static Config Config(int tests, ulong seed, int endSize = 40) =>
        FsCheck.Config.QuickThrowOnFailure.WithMaxTest(tests).WithEndSize(endSize)
            .WithReplay(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), null));

    private static readonly Gen<string> AnyText = Gen.Frequency(
        (3, ArchiveGenerators.Text),
        (1, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "")),
        (1, Gen.Elements("..", ".", "../../etc/passwd", "/abs", "\\\\server\\share", "C:\\x", "a/../../b", "%2e%2e%2f", "~", "CON", "nul", ".git", "-", "_", "")));

    private static void Inside(string root, string relative)
    {
        Assert.False(Path.IsPathRooted(relative), relative);
        var full = Path.GetFullPath(Path.Combine(root, relative));
        Assert.StartsWith(root + Path.DirectorySeparatorChar, full, StringComparison.Ordinal);
        foreach (var segment in relative.Split('/'))
        {
            // Plain names only; a leading '-' (an id "-") is odd but harmless in a URL and a file name.
            Assert.Matches("^[A-Za-z0-9_.-]+$", segment);
            Assert.NotEqual(".", segment);
            Assert.NotEqual("..", segment);
            Assert.True(Encoding.UTF8.GetByteCount(segment) <= 200, segment);
        }
    }

    [Fact]
    public void Paths_from_any_id_or_name_stay_inside_the_output_folder()
    {
        var root = Path.GetFullPath(_tmp.Path);
        Check.One(Config(3000, 404), Prop.ForAll(AnyText.ToArbitrary(), text =>
        {
            Inside(root, SiteUrls.Paper(text));
            Inside(root, SiteUrls.Author(Slug.From(text)));
            Inside(root, SiteUrls.Organization(Slug.From(text)));
            Inside(root, SiteUrls.Keyword(Slug.From(text)));
            Inside(root, SiteUrls.Topic(Slug.From(text), 3));
            Inside(root, SiteUrls.TopicFeed(Slug.From(text)));
            Inside(root, ArchiveLayout.PaperPath(new Paper { Id = text, Title = "t" }));
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", Slug.From(text));
        }));
    }

    [Fact]
    public void Slugs_for_any_names_are_unique()
    {
        Check.One(Config(500, 405), Prop.ForAll(AnyText.ListOf().ToArbitrary(), names =>
        {
            var directory = new SlugDirectory(names);
            var distinct = names.Distinct(StringComparer.Ordinal).ToList();
            var slugs = distinct.Select(n => directory[n]).ToList();
            Assert.Equal(distinct.Count, slugs.Distinct(StringComparer.Ordinal).Count());
        }));
    }

    /// <summary>
    /// Arbitrary papers written to the archive, read back and rendered: every file lands inside the
    /// site folder, no two pages claim one path (the renderer reports that as an error), and the
    /// archive writer never lets two papers share a page file (it reports the second instead).
    /// </summary>
    [Fact]
    public void Arbitrary_archives_render_every_page_to_its_own_path_inside_the_site()
    {
        var theme = Theme.Load(TestPaths.Themes, "default", null);
        var n = 0;
        Check.One(Config(12, 406, endSize: 8), Prop.ForAll(ArchiveGenerators.Archive.ToArbitrary(), model =>
        {
            var root = Path.Combine(_tmp.Path, "r" + n++);
            var write = ArchiveWriter.Write(model, Path.Combine(root, "archive"));
            var read = ArchiveReader.Read(Path.Combine(root, "archive"));
            Assert.Empty(read.Diagnostics);
            Assert.Equal(read.Archive.Papers.Count, read.Archive.Papers.Select(p => SiteUrls.Paper(p.Id).ToLowerInvariant()).Distinct().Count());
            Assert.All(write.Diagnostics, d => Assert.Contains("same file name", d.Message, StringComparison.Ordinal));
            var analysis = TopicAnalyzer.Analyze(read.Archive, []);
            var site = Path.GetFullPath(Path.Combine(root, "site"));
            var report = SiteBuilder.Render(read.Archive, analysis, new SiteConfig(), theme, site);
            Assert.DoesNotContain(report.Diagnostics, d => d.Severity == Severity.Error);
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                var full = Path.GetFullPath(file);
                Assert.True(full.StartsWith(site + "/", StringComparison.Ordinal) || full.StartsWith(Path.GetFullPath(Path.Combine(root, "archive")) + "/", StringComparison.Ordinal), full);
            }
            Directory.Delete(root, recursive: true);
        }));
    }
}
