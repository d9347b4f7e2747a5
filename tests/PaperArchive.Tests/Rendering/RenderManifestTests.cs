using FsCheck.Xunit;
using PaperArchive.Rendering;

namespace PaperArchive.Tests.Rendering;

/// <summary>The render manifest's binary file: what is saved is what loads, and a damaged file loads as nothing (a full render).</summary>
public class RenderManifestTests
{
    private static string Hex(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>A manifest of <paramref name="pages"/> pages with every optional part: shared and own read sets, null theme files, no or some exists answers, unhashable data.</summary>
    private static RenderManifest Sample(int seed, int pages)
    {
        var random = new Random(seed);
        var sets = new[]
        {
            new RenderedPage("", ["title", "days"], new SortedDictionary<string, string?>(StringComparer.Ordinal) { ["layouts/day.html"] = "/t/layouts/day.html", ["layouts/list.html"] = null }, null) { PaperMembers = ["title", "upvotes"] },
            new RenderedPage("", [], new SortedDictionary<string, string?>(StringComparer.Ordinal), null) { PaperMembers = null },
            new RenderedPage("", ["title"], new SortedDictionary<string, string?>(StringComparer.Ordinal) { ["partials/é ü.html"] = "/t/partials/é ü.html" }, null) { PaperMembers = ["*"] },
        };
        var paths = new[] { "index.html", "topics/index.html", "papers/a.bib", "days/2026-07-01.html", "weird path/ünïcode.html" };
        var map = new Dictionary<string, RenderedPage>(StringComparer.Ordinal);
        for (var i = 0; i < pages; i++)
        {
            var set = sets[random.Next(sets.Length)];
            var data = random.Next(10) == 0 ? "unhashable:" + Guid.NewGuid().ToString("N") : random.Next(10) == 0 ? Hex(random).ToUpperInvariant() : Hex(random);
            IReadOnlyDictionary<string, bool>? exists = random.Next(3) switch
            {
                0 => null,
                1 => ExistsAnswers.From([]),
                _ => ExistsAnswers.From(paths.Where(_ => random.Next(2) == 0).Select(p => new KeyValuePair<string, bool>(p, random.Next(2) == 0))),
            };
            map[$"pages/{i:D4}-{random.Next(1000)}.html"] = set with { Data = data, Exists = exists };
        }
        return new RenderManifest(RenderManifest.CurrentFormat, Hex(random), new Dictionary<string, string>(StringComparer.Ordinal) { ["title"] = Hex(random), ["days"] = Hex(random) },
            new Dictionary<string, string>(StringComparer.Ordinal) { ["/t/layouts/day.html"] = Hex(random) }, map)
        {
            Files = Enumerable.Range(0, pages).ToDictionary(i => $"files/{i}.bib", _ => Hex(random), StringComparer.Ordinal),
            FileKeys = Enumerable.Range(0, pages / 2).ToDictionary(i => $"files/{i}.bib", _ => Hex(random), StringComparer.Ordinal),
            Problems = new SortedDictionary<string, IReadOnlyList<PageProblem>>(StringComparer.Ordinal)
            {
                ["index.html"] = [new PageProblem(null, "broken link to x.html"), new PageProblem("line 3", "duplicate id \"a\"")],
            },
            Bytes = random.NextInt64(),
        };
    }

    private static void AssertSame(RenderManifest expected, RenderManifest actual)
    {
        Assert.Equal(expected.Global, actual.Global);
        Assert.Equal(expected.Bytes, actual.Bytes);
        Assert.Equal(expected.SiteMembers.OrderBy(kv => kv.Key, StringComparer.Ordinal), actual.SiteMembers.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Equal(expected.ThemeFiles.OrderBy(kv => kv.Key, StringComparer.Ordinal), actual.ThemeFiles.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Files.OrderBy(kv => kv.Key, StringComparer.Ordinal), actual.Files.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Equal(expected.FileKeys.OrderBy(kv => kv.Key, StringComparer.Ordinal), actual.FileKeys.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Problems.Keys, actual.Problems.Keys);
        foreach (var (page, list) in expected.Problems)
        {
            Assert.Equal(list, actual.Problems[page]);
        }
        Assert.Equal(expected.Pages.Keys.Order(StringComparer.Ordinal), actual.Pages.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, page) in expected.Pages)
        {
            var loaded = actual.Pages[path];
            Assert.Equal(page.Data, loaded.Data);
            Assert.Equal(page.SiteMembers, loaded.SiteMembers);
            Assert.Equal(page.ThemeFiles.OrderBy(kv => kv.Key, StringComparer.Ordinal), loaded.ThemeFiles.OrderBy(kv => kv.Key, StringComparer.Ordinal));
            Assert.Equal(page.PaperMembers, loaded.PaperMembers);
            Assert.Equal(page.Exists?.OrderBy(kv => kv.Key, StringComparer.Ordinal), loaded.Exists?.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        }
    }

    [Property(MaxTest = 30, Replay = "(7,11)")]
    public bool What_is_saved_loads_back(int seed, byte size)
    {
        using var tmp = TestPaths.Temp();
        var manifest = Sample(seed, size % 60);
        manifest.Save(tmp.Path);
        AssertSame(manifest, RenderManifest.Load(tmp.Path)!);
        return true;
    }

    [Fact]
    public void Pages_of_one_read_set_share_it_after_loading_and_the_same_manifest_saves_the_same_bytes()
    {
        using var tmp = TestPaths.Temp();
        var manifest = Sample(3, 200);
        manifest.Save(tmp.Path);
        var bytes = File.ReadAllBytes(Path.Combine(tmp.Path, RenderManifest.RelativePath));
        var loaded = RenderManifest.Load(tmp.Path)!;
        Assert.InRange(loaded.Pages.Values.Select(p => p.SiteMembers).Distinct(ReferenceEqualityComparer.Instance).Count(), 1, 3);
        loaded.Save(tmp.Path);
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(tmp.Path, RenderManifest.RelativePath)));
    }

    [Fact]
    public void A_truncated_damaged_or_foreign_file_loads_as_no_manifest()
    {
        using var tmp = TestPaths.Temp();
        Sample(5, 40).Save(tmp.Path);
        var file = Path.Combine(tmp.Path, RenderManifest.RelativePath);
        var bytes = File.ReadAllBytes(file);
        var random = new Random(9);
        for (var cut = 0; cut < bytes.Length; cut += 1 + random.Next(37))
        {
            File.WriteAllBytes(file, bytes[..cut]);
            Assert.Null(RenderManifest.Load(tmp.Path));
        }
        File.WriteAllBytes(file, [.. bytes, 0]);
        Assert.Null(RenderManifest.Load(tmp.Path));
        File.WriteAllText(file, "{ \"format\": 3, \"pages\": {} }");
        Assert.Null(RenderManifest.Load(tmp.Path));
        // Flipped bytes either load (a different but well-formed manifest) or load as nothing: never an exception.
        for (var i = 0; i < 300; i++)
        {
            var damaged = (byte[])bytes.Clone();
            damaged[random.Next(damaged.Length)] ^= (byte)(1 + random.Next(255));
            File.WriteAllBytes(file, damaged);
            _ = RenderManifest.Load(tmp.Path);
        }
        File.Delete(file);
        Assert.Null(RenderManifest.Load(tmp.Path));
    }
}
