using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PaperArchive.Archive;
using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Tests.Archive;

/// <summary>
/// The page cache's shortcuts — pages not read again while their file signature is the one remembered, and
/// the delta file written instead of the whole cache — never give another archive than a cold read.
/// </summary>
public class ArchivePageCacheSignatureTests
{
    /// <summary>A clock a minute ahead: every page just written counts as settled, so its signature is remembered.</summary>
    private sealed class Later : TimeProvider
    {
        private readonly DateTimeOffset _now = DateTimeOffset.UtcNow.AddMinutes(1);

        public override DateTimeOffset GetUtcNow() => _now;
    }

    private static Paper PaperNamed(string id, string title) => new()
    {
        Id = id,
        ArxivId = id,
        Title = title,
        Authors = ValueList.Of(new Author("A. Person", "aperson"), new Author("B. Person")),
        ListedOn = ValueList.Of(new DateOnly(2024, 1, 2)),
    };

    private static ArchiveModel Model(params Paper[] papers) =>
        new(ValueList.Of(papers), ValueList.Of(new DayListing(new DateOnly(2024, 1, 2), ValueList.Of(papers.Select(p => p.Id).ToArray()))));

    private static string CacheFile(TestDirs.TempDir tmp) => Path.Combine(tmp.Sub("site-state"), ArchivePageCache.FileName);

    /// <summary>Reads through a cache saved and loaded again, as one build hands it to the next.</summary>
    private static ArchiveReadResult ReadThroughSavedCache(string dir, string cacheFile, TimeProvider clock)
    {
        var result = ArchiveReader.Read(dir, ArchivePageCache.Load(cacheFile), clock);
        result.Cache.Save(cacheFile);
        return result;
    }

    private static void AssertSameAsColdRead(string dir, ArchiveReadResult read)
    {
        var cold = ArchiveReader.Read(dir);
        Assert.Equal(cold.Archive, read.Archive);
        Assert.Equal(cold.Digest, read.Digest);
        Assert.Equal(cold.UnreadableFiles.Order(), read.UnreadableFiles.Order());
    }

    /// <summary>Rewrites the file in place (same inode) until its signature differs, however coarse the file system's clock.</summary>
    private static void EditInPlace(string file, string text)
    {
        var signed = FileSignature.TryGet(file, out var before);
        for (var i = 0; i < 400; i++)
        {
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Write))
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                stream.Write(bytes);
                stream.SetLength(bytes.Length);
            }
            if (!signed || FileSignature.TryGet(file, out var after) && after != before)
            {
                return;
            }
            Thread.Sleep(5);
        }
        Assert.Fail("the file's signature never changed");
    }

    [Fact]
    public void A_hand_edited_page_of_the_same_length_is_picked_up_even_with_its_old_modification_time()
    {
        using var tmp = TestDirs.Temp();
        var dir = tmp.Sub("archive");
        var clock = new Later();
        ArchiveWriter.Write(Model(PaperNamed("2401.00001", "Before"), PaperNamed("2401.00002", "Other")), dir);
        var first = ReadThroughSavedCache(dir, CacheFile(tmp), clock);
        var page = Path.Combine(dir, first.PaperFiles["2401.00001"]);
        // Signatures are read on Linux only; elsewhere every page is read and hashed.
        Assert.Equal(OperatingSystem.IsLinux(), ArchivePageCache.Load(CacheFile(tmp)).Find(first.PaperFiles["2401.00001"])!.Signature is not null);

        var modified = File.GetLastWriteTimeUtc(page);
        var text = File.ReadAllText(page);
        Assert.Contains("Before", text, StringComparison.Ordinal);
        EditInPlace(page, text.Replace("Before", "Bafore", StringComparison.Ordinal));
        // As cp -p, rsync -t or tar would: the modification time alone would not show the edit.
        File.SetLastWriteTimeUtc(page, modified);

        var second = ReadThroughSavedCache(dir, CacheFile(tmp), clock);
        Assert.Equal("Bafore", second.Archive.Papers.Single(p => p.Id == "2401.00001").Title);
        AssertSameAsColdRead(dir, second);
        AssertSameAsColdRead(dir, ReadThroughSavedCache(dir, CacheFile(tmp), clock));
    }

    [Fact]
    public void A_deleted_page_and_a_new_page_are_seen_through_the_cache()
    {
        using var tmp = TestDirs.Temp();
        var dir = tmp.Sub("archive");
        var clock = new Later();
        ArchiveWriter.Write(Model(PaperNamed("2401.00001", "One"), PaperNamed("2401.00002", "Two")), dir);
        var first = ReadThroughSavedCache(dir, CacheFile(tmp), clock);

        File.Delete(Path.Combine(dir, first.PaperFiles["2401.00002"]));
        var elsewhere = tmp.Sub("other");
        ArchiveWriter.Write(Model(PaperNamed("2401.00003", "Three")), elsewhere);
        var added = ArchiveReader.Read(elsewhere).PaperFiles["2401.00003"];
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, added))!);
        File.Copy(Path.Combine(elsewhere, added), Path.Combine(dir, added));

        var second = ReadThroughSavedCache(dir, CacheFile(tmp), clock);
        Assert.Equal(["2401.00001", "2401.00003"], second.Archive.Papers.Select(p => p.Id));
        AssertSameAsColdRead(dir, second);
    }

    [Fact]
    public void A_page_written_just_now_is_not_trusted_by_its_signature()
    {
        using var tmp = TestDirs.Temp();
        var dir = tmp.Sub("archive");
        ArchiveWriter.Write(Model(PaperNamed("2401.00001", "One")), dir);
        var read = ArchiveReader.Read(dir, null, TimeProvider.System);
        // Changed within the settle time: another change in the same timestamp tick could keep the signature.
        Assert.Null(read.Cache.Find(read.PaperFiles["2401.00001"])!.Signature);
        Assert.Equal(OperatingSystem.IsLinux(), ArchiveReader.Read(dir, null, new Later()).Cache.Find(read.PaperFiles["2401.00001"])!.Signature is not null);
    }

    [Fact]
    public void A_small_change_writes_a_delta_that_loads_as_the_whole_cache_and_a_damaged_delta_means_no_cache()
    {
        using var tmp = TestDirs.Temp();
        var dir = tmp.Sub("archive");
        var clock = new Later();
        var file = CacheFile(tmp);
        var delta = Path.Combine(Path.GetDirectoryName(file)!, ArchivePageCache.DeltaFileName);
        ArchiveWriter.Write(Model(PaperNamed("2401.00001", "One"), PaperNamed("2401.00002", "Two")), dir);
        ReadThroughSavedCache(dir, file, clock);
        var full = File.ReadAllBytes(file);
        Assert.False(File.Exists(delta));

        // Unchanged pages: nothing to write.
        ReadThroughSavedCache(dir, file, clock);
        Assert.False(File.Exists(delta));
        Assert.Equal(full, File.ReadAllBytes(file));

        ArchiveWriter.Write(Model(PaperNamed("2401.00001", "One"), PaperNamed("2401.00002", "Two, changed"), PaperNamed("2401.00004", "Four")), dir);
        var changed = ReadThroughSavedCache(dir, file, clock);
        Assert.True(File.Exists(delta));
        Assert.Equal(full, File.ReadAllBytes(file));
        var loaded = ArchivePageCache.Load(file);
        Assert.Equal(changed.Cache.Count, loaded.Count);
        Assert.Equal("Two, changed", loaded.Find(changed.PaperFiles["2401.00002"])!.Paper!.Title);
        AssertSameAsColdRead(dir, ArchiveReader.Read(dir, loaded, clock));

        var deltaBytes = File.ReadAllBytes(delta);
        for (var at = 0; at < deltaBytes.Length; at += 3)
        {
            var flipped = (byte[])deltaBytes.Clone();
            flipped[at] ^= 0x10;
            File.WriteAllBytes(delta, flipped);
            Assert.Equal(0, ArchivePageCache.Load(file).Count);
            File.WriteAllBytes(delta, deltaBytes[..at]);
            Assert.Equal(0, ArchivePageCache.Load(file).Count);
        }

        // A delta beside a cache file it was not written against (another build replaced the file) is refused.
        File.WriteAllBytes(delta, deltaBytes);
        ArchivePageCache.From([("papers/x.md", new string('a', 64), PaperNamed("2401.00009", "Nine"), null)]).Save(tmp.Sub("elsewhere/" + ArchivePageCache.FileName));
        File.Copy(tmp.Sub("elsewhere/" + ArchivePageCache.FileName), file, overwrite: true);
        Assert.Equal(0, ArchivePageCache.Load(file).Count);
    }

    [Fact]
    public void A_delta_that_grows_past_a_tenth_of_the_cache_is_folded_into_a_new_whole_file()
    {
        using var tmp = TestDirs.Temp();
        var file = CacheFile(tmp);
        var delta = Path.Combine(Path.GetDirectoryName(file)!, ArchivePageCache.DeltaFileName);
        var pages = Enumerable.Range(0, 600).Select(i => ($"papers/2024-01/{i}.md", i.ToString("x64", System.Globalization.CultureInfo.InvariantCulture), (Paper?)PaperNamed($"2401.{i:D5}", "T" + i), (DayListing?)null)).ToList();
        ArchivePageCache.From(pages).Save(file);
        var before = File.ReadAllBytes(file);

        var loaded = ArchivePageCache.Load(file);
        var retitled = loaded.With(pages.Select(p => (p.Item1, new ArchivePageCache.Entry(Convert.FromHexString(p.Item2), null, p.Item3! with { Title = "New " + p.Item3!.Title }, null))));
        retitled.Save(file);
        Assert.False(File.Exists(delta));
        Assert.NotEqual(before, File.ReadAllBytes(file));
        var again = ArchivePageCache.Load(file);
        Assert.Equal(600, again.Count);
        Assert.Equal("New T7", again.Find("papers/2024-01/7.md")!.Paper!.Title);
    }

    [Fact]
    public void An_old_format_cache_file_is_no_cache()
    {
        using var tmp = TestDirs.Temp();
        var file = CacheFile(tmp);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        // Format 2 ended in a SHA-256; whatever follows the header, it is not read as format 3.
        File.WriteAllBytes(file, [.. "PAPC"u8, 2, 0, 0, 0, 0, 0, 0, 0, .. new byte[32]]);
        Assert.Equal(0, ArchivePageCache.Load(file).Count);
    }

    [Fact]
    public void Any_archive_read_through_saved_caches_and_deltas_is_the_cold_read()
    {
        using var tmp = TestDirs.Temp();
        var n = 0;
        var clock = new Later();
        var config = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(20).WithEndSize(10)
            .WithReplay(new Replay(new Rnd(20261130, 0x9E3779B97F4A7C15UL), null));
        Check.One(config, Prop.ForAll(ArchiveGenerators.Archive.ToArbitrary(), ArchiveGenerators.Archive.ToArbitrary(), (model, next) =>
        {
            var dir = tmp.Sub("a" + n);
            var file = Path.Combine(tmp.Sub("s" + n++), ArchivePageCache.FileName);
            ArchiveWriter.Write(model, dir);
            var first = ReadThroughSavedCache(dir, file, clock);
            Assert.Equal(model, first.Archive);
            var second = ReadThroughSavedCache(dir, file, clock);
            Assert.Equal(model, second.Archive);
            AssertSameAsColdRead(dir, second);
            // Another archive written over it: changed, new and (kept) old pages, through the delta.
            ArchiveWriter.Write(next, dir, second);
            AssertSameAsColdRead(dir, ReadThroughSavedCache(dir, file, clock));
            AssertSameAsColdRead(dir, ReadThroughSavedCache(dir, file, clock));
        }));
    }
}
