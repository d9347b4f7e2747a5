using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using PaperArchive.Archive;

namespace PaperArchive.Tests.Archive;

/// <summary>
/// The import that merges only new, changed or removed listings (<see cref="ImportIndex"/>) must write
/// exactly what reading every listing writes: compared byte for byte, whole archive folders, against a
/// forced full import of a copy of the same archive. (Not always against a from-scratch import: a day
/// first archived from one listing keeps that order when a richer listing of it comes later — the
/// merge's rule, the same with or without the shortcut.)
/// </summary>
public class IncrementalImportTests
{
    private static Config Config(int tests, ulong seed) =>
        FsCheck.Config.QuickThrowOnFailure.WithMaxTest(tests)
            .WithReplay(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), null));

    private static ImportReport Import(string input, string archive, bool force = false) =>
        ArchiveImporter.Import(new ImportOptions(input, archive) { Force = force });

    /// <summary>Every API and HTML fixture (texts copies have papers known only by title: tested apart).</summary>
    private static IReadOnlyList<string> Fixtures() =>
        Directory.EnumerateFiles(Path.Combine(TestDirs.Fixtures, "hf-api"))
            .Concat(Directory.EnumerateFiles(Path.Combine(TestDirs.Fixtures, "hf-html")))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// A second, later scrape of a fixture day: its first items with more upvotes and comments, one title
    /// reworded and one abstract dropped, so it names papers an older listing names and disagrees with it.
    /// </summary>
    private static string? Rescrape(string fixture, int items, int bump)
    {
        if (JsonNode.Parse(File.ReadAllText(fixture)) is not JsonArray { Count: > 0 } array || array[0] is not JsonObject)
        {
            return null; // an older era's listing (strings): no re-scrape of it
        }
        var kept = new JsonArray();
        for (var i = 0; i < Math.Min(items, array.Count); i++)
        {
            var item = array[i]!.DeepClone();
            var paper = item["paper"]!;
            paper["upvotes"] = (paper["upvotes"]?.GetValue<int>() ?? 0) + bump;
            item["numComments"] = (item["numComments"]?.GetValue<int>() ?? 0) + 1;
            if (i == 0)
            {
                paper["title"] = "Reworded: " + paper["title"]!.GetValue<string>();
                item["title"] = paper["title"]!.GetValue<string>();
            }
            if (i == 1)
            {
                paper.AsObject().Remove("summary");
                item.AsObject().Remove("summary");
            }
            kept.Add(item);
        }
        return kept.ToJsonString();
    }

    private static void Put(string listings, string name, string contents)
    {
        var path = Path.Combine(listings, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, contents);
    }

    private static void Add(string listings, string fixture) =>
        Put(listings, Path.GetFileName(Path.GetDirectoryName(fixture)!) + "/" + Path.GetFileName(fixture), File.ReadAllText(fixture));

    /// <summary>Every file of an archive folder (state and index included), path → bytes.</summary>
    private static SortedDictionary<string, string> Snapshot(string dir) =>
        new(Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f).Replace('\\', '/'), f => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))),
            StringComparer.Ordinal);

    private static void AssertSameArchive(string expected, string actual)
    {
        var want = Snapshot(expected);
        var got = Snapshot(actual);
        Assert.Equal(want.Keys, got.Keys);
        var differ = want.Keys.Where(k => want[k] != got[k]).ToList();
        if (differ.FirstOrDefault(k => k.EndsWith(".md", StringComparison.Ordinal)) is { } page)
        {
            var a = File.ReadAllLines(Path.Combine(expected, page));
            var b = File.ReadAllLines(Path.Combine(actual, page));
            var line = Enumerable.Range(0, Math.Min(a.Length, b.Length)).FirstOrDefault(i => a[i] != b[i], Math.Min(a.Length, b.Length));
            Assert.Fail($"{page} differs from line {line + 1}: expected '{a.ElementAtOrDefault(line)}', got '{b.ElementAtOrDefault(line)}'; files differ: {string.Join(", ", differ.Take(10))}");
        }
        Assert.True(differ.Count == 0, "files differ: " + string.Join(", ", differ.Take(10)));
    }

    private static void CopyDir(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Fact]
    public void Adding_listings_a_few_at_a_time_gives_the_archive_a_full_import_gives()
    {
        var fixtures = Fixtures();
        var shortcuts = 0;
        Check.One(Config(6, 20261129), Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            using var tmp = TestDirs.Temp();
            var random = new Random(seed);
            var order = fixtures.OrderBy(_ => random.Next()).ToList();
            var listings = tmp.Sub("input/listings");
            // A first import of most fixtures, then the rest in one to three steps; sometimes a re-scrape of a
            // day already archived comes too (papers merged again with their old sources).
            var first = random.Next(order.Count / 2, order.Count - 2);
            foreach (var f in order.Take(first))
            {
                Add(listings, f);
            }
            Import(tmp.Sub("input"), tmp.Sub("archive"));
            var rest = order.Skip(first).ToList();
            var step = 0;
            while (rest.Count > 0)
            {
                var take = Math.Min(rest.Count, random.Next(1, 4));
                foreach (var f in rest.Take(take))
                {
                    Add(listings, f);
                }
                rest = rest.Skip(take).ToList();
                if (random.Next(2) == 0)
                {
                    var day = order[random.Next(first)];
                    if (day.EndsWith(".json", StringComparison.Ordinal) && Rescrape(day, 4, 7 + step) is { } again)
                    {
                        Put(listings, "rescrapes/" + step + "-" + Path.GetFileName(day), again);
                    }
                }
                var forced = tmp.Sub("forced" + step);
                CopyDir(tmp.Sub("archive"), forced);
                step++;
                var report = Import(tmp.Sub("input"), tmp.Sub("archive"));
                Assert.False(report.Skipped);
                if (report.ListingsRead < report.Files)
                {
                    shortcuts++;
                }
                var full = Import(tmp.Sub("input"), forced, force: true);
                AssertSameArchive(forced, tmp.Sub("archive"));
                Assert.Equal((full.NewPapers, full.UpdatedPapers, full.HasErrors), (report.NewPapers, report.UpdatedPapers, report.HasErrors));
            }
        }));
        Assert.True(shortcuts > 0, "no import took the shortcut, so nothing was compared");
    }

    [Fact]
    public void One_new_day_reads_only_that_listing_and_writes_only_its_pages()
    {
        using var tmp = TestDirs.Temp();
        var listings = tmp.Sub("input/listings");
        var fixtures = Fixtures();
        var last = fixtures.Single(f => f.EndsWith("2026-08-20.json", StringComparison.Ordinal));
        foreach (var f in fixtures.Where(f => f != last))
        {
            Add(listings, f);
        }
        var full = Import(tmp.Sub("input"), tmp.Sub("archive"));
        Assert.Equal(full.Files, full.ListingsRead);
        Assert.True(File.Exists(tmp.Sub("archive/" + ImportIndex.FileName)));

        CopyDir(tmp.Sub("archive"), tmp.Sub("forced"));
        Add(listings, last);
        var quick = Import(tmp.Sub("input"), tmp.Sub("archive"));
        Assert.True(quick.NewPapers > 0);
        // The day's paper pages, the day page, its neighbour day page (its "next" link) and README.md.
        Assert.InRange(quick.FilesWritten, quick.NewPapers + 1, quick.NewPapers + quick.UpdatedPapers + 3);
        Assert.Equal(quick.Archive, ArchiveReader.Read(tmp.Sub("archive")).Archive);

        Import(tmp.Sub("input"), tmp.Sub("forced"), force: true);
        AssertSameArchive(tmp.Sub("forced"), tmp.Sub("archive"));
        // The new listing, and the old listings naming the same papers (an example item, the paper's page).
        Assert.InRange(quick.ListingsRead, 1, 3);
    }

    [Theory]
    [InlineData("changed")]
    [InlineData("removed")]
    [InlineData("rescrape-changed")]
    [InlineData("rescrape-removed")]
    public void A_changed_or_removed_old_listing_gives_what_a_full_import_gives(string change)
    {
        using var tmp = TestDirs.Temp();
        var listings = tmp.Sub("input/listings");
        foreach (var f in Fixtures())
        {
            Add(listings, f);
        }
        var day = Path.Combine(TestDirs.Fixtures, "hf-api", "2026-07-10.json");
        Put(listings, "rescrapes/2026-07-10-evening.json", Rescrape(day, 5, 3)!);
        Import(tmp.Sub("input"), tmp.Sub("archive"));
        CopyDir(tmp.Sub("archive"), tmp.Sub("forced"));

        var target = change.StartsWith("rescrape", StringComparison.Ordinal)
            ? Path.Combine(listings, "rescrapes/2026-07-10-evening.json")
            : Path.Combine(listings, "hf-api/2026-07-10.json");
        if (change.EndsWith("changed", StringComparison.Ordinal))
        {
            File.WriteAllText(target, Rescrape(day, 3, 11)!);
        }
        else
        {
            File.Delete(target);
        }

        var quick = Import(tmp.Sub("input"), tmp.Sub("archive"));
        Assert.True(quick.ListingsRead < quick.Files, "the shortcut was not taken");
        var forced = Import(tmp.Sub("input"), tmp.Sub("forced"), force: true);
        Assert.Equal(forced.Files, forced.ListingsRead);
        AssertSameArchive(tmp.Sub("forced"), tmp.Sub("archive"));
        Assert.Equal((forced.NewPapers, forced.UpdatedPapers), (quick.NewPapers, quick.UpdatedPapers));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    [InlineData("lies")]
    public void A_damaged_or_lying_index_is_not_trusted(string damage)
    {
        using var tmp = TestDirs.Temp();
        var listings = tmp.Sub("input/listings");
        var fixtures = Fixtures();
        foreach (var f in fixtures.Skip(1))
        {
            Add(listings, f);
        }
        Import(tmp.Sub("input"), tmp.Sub("archive"));
        var index = tmp.Sub("archive/" + ImportIndex.FileName);
        var text = File.ReadAllText(index);
        File.WriteAllText(index, damage switch
        {
            "garbage" => "\u0000{not json",
            "truncated" => text[..(text.Length / 2)],
            // Claims the listings name no papers: trusted, the shortcut would miss every paper they name.
            _ => System.Text.RegularExpressions.Regex.Replace(text, "\"ids\":\\[[^\\]]*\\]", "\"ids\":[]").Replace("\"archive_sha256\":\"", "\"archive_sha256\":\"0", StringComparison.Ordinal),
        });

        CopyDir(tmp.Sub("archive"), tmp.Sub("forced"));
        Add(listings, fixtures[0]);
        var report = Import(tmp.Sub("input"), tmp.Sub("archive"));
        Assert.Equal(report.Files, report.ListingsRead);
        Assert.NotNull(ImportIndex.Load(tmp.Sub("archive")));
        Import(tmp.Sub("input"), tmp.Sub("forced"), force: true);
        AssertSameArchive(tmp.Sub("forced"), tmp.Sub("archive"));
    }

    [Fact]
    public void Papers_known_only_by_title_or_an_edited_archive_make_the_import_read_everything()
    {
        using var tmp = TestDirs.Temp();
        var listings = tmp.Sub("input/listings");
        var fixtures = Fixtures();
        foreach (var f in fixtures.Skip(2))
        {
            Add(listings, f);
        }
        // An API item whose id is not an arXiv id is filed under its title (t-…).
        var odd = JsonNode.Parse(Rescrape(Path.Combine(TestDirs.Fixtures, "hf-api", "2026-07-10.json"), 1, 0)!)!.AsArray();
        odd[0]!["paper"]!["id"] = "not-an-arxiv-id";
        odd[0]!["paper"]!["title"] = "A paper without an arXiv id";
        odd[0]!["title"] = "A paper without an arXiv id";
        Put(listings, "odd/2026-07-10.json", odd.ToJsonString());
        Import(tmp.Sub("input"), tmp.Sub("archive"));
        Add(listings, fixtures[0]);
        var report = Import(tmp.Sub("input"), tmp.Sub("archive"));
        Assert.Equal(report.Files, report.ListingsRead);

        // Without title-only papers the shortcut applies, but not over a page edited by hand since.
        using var tmp2 = TestDirs.Temp();
        var listings2 = tmp2.Sub("input/listings");
        foreach (var f in fixtures.Skip(2))
        {
            Add(listings2, f);
        }
        Import(tmp2.Sub("input"), tmp2.Sub("archive"));
        var page = Directory.EnumerateFiles(tmp2.Sub("archive/papers"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.WriteAllText(page, File.ReadAllText(page).Replace("## Abstract", "## Abstract (edited)", StringComparison.Ordinal));
        Add(listings2, fixtures[0]);
        var edited = Import(tmp2.Sub("input"), tmp2.Sub("archive"));
        Assert.Equal(edited.Files, edited.ListingsRead);
        Assert.DoesNotContain("(edited)", File.ReadAllText(page), StringComparison.Ordinal);
        Add(listings2, fixtures[1]);
        Assert.Equal(1, Import(tmp2.Sub("input"), tmp2.Sub("archive")).ListingsRead);
    }

    [Fact]
    public void Listing_warnings_are_reported_again_by_an_import_that_does_not_read_the_listing()
    {
        using var tmp = TestDirs.Temp();
        var listings = tmp.Sub("input/listings");
        var fixtures = Fixtures();
        foreach (var f in fixtures.Skip(1))
        {
            Add(listings, f);
        }
        Put(listings, "broken.json", "[{\"paper\": {\"id\": \"2401.00001\"}}, 17]");
        var full = Import(tmp.Sub("input"), tmp.Sub("archive"));

        Add(listings, fixtures[0]);
        var quick = Import(tmp.Sub("input"), tmp.Sub("archive"));
        Assert.True(quick.ListingsRead < quick.Files);
        // What reading the file reported (not what merging its papers did: only papers merged now are).
        var broken = Path.Combine(listings, "broken.json");
        var read = full.Diagnostics.Where(d => d.File == broken && !d.Message.StartsWith("skipped in merge", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(read);
        Assert.Equal(read, quick.Diagnostics.Where(d => d.File == broken && !d.Message.StartsWith("skipped in merge", StringComparison.Ordinal)));
        Assert.Equal(full.HasErrors, quick.HasErrors);
    }
}
