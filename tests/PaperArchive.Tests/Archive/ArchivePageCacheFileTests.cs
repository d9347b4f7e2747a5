using PaperArchive.Archive;
using PaperArchive.Model;

namespace PaperArchive.Tests.Archive;

public class ArchivePageCacheFileTests
{
    private static readonly Paper Sample = new()
    {
        Id = "2401.00001",
        ArxivId = "2401.00001",
        Title = "A title",
        Abstract = "Text with ünïcödé and \"quotes\"",
        Authors = ValueList.Of(new Author("A. Person", "aperson"), new Author("B. Person")),
        AuthorCount = 2,
        PublishedOn = new DateOnly(2024, 1, 1),
        ListedOn = ValueList.Of(new DateOnly(2024, 1, 2)),
        Snapshots = ValueList.Of(new CountSnapshot(new DateOnly(2024, 1, 2), 5, null)),
        AiKeywords = ValueList.Of("one", "two"),
        GithubStars = 0,
    };

    private static byte[] Saved(TestDirs.TempDir tmp, ArchivePageCache cache)
    {
        var file = tmp.Sub("cache/" + ArchivePageCache.FileName);
        cache.Save(file);
        return File.ReadAllBytes(file);
    }

    [Fact]
    public void Every_field_survives_and_a_flipped_or_missing_byte_anywhere_means_no_cache()
    {
        using var tmp = TestDirs.Temp();
        var day = new DayListing(new DateOnly(2024, 1, 2), ValueList.Of("2401.00001"));
        var cache = ArchivePageCache.From([
            ("papers/2024-01/2401.00001.md", new string('a', 64), Sample, null),
            ("days/2024/2024-01-02.md", new string('b', 64), null, day),
        ]);
        var bytes = Saved(tmp, cache);
        var loaded = ArchivePageCache.Load(tmp.Sub("cache/" + ArchivePageCache.FileName));
        Assert.True(loaded.TryGet("papers/2024-01/2401.00001.md", new string('a', 64), out var paper, out _));
        Assert.Equal(Sample, paper);
        Assert.True(loaded.TryGet("days/2024/2024-01-02.md", new string('b', 64), out _, out var gotDay));
        Assert.Equal(day, gotDay);

        var file = tmp.Sub("damaged.bin");
        for (var at = 0; at < bytes.Length; at += 7)
        {
            var flipped = (byte[])bytes.Clone();
            flipped[at] ^= 0x20;
            File.WriteAllBytes(file, flipped);
            Assert.Equal(0, ArchivePageCache.Load(file).Count);
            File.WriteAllBytes(file, bytes[..at]);
            Assert.Equal(0, ArchivePageCache.Load(file).Count);
        }
    }

    [Fact]
    public void A_page_with_a_lone_surrogate_is_left_out_not_stored_changed()
    {
        using var tmp = TestDirs.Temp();
        var cache = ArchivePageCache.From([
            ("papers/2024-01/2401.00001.md", new string('a', 64), Sample, null),
            ("papers/2024-01/2401.00002.md", new string('c', 64), Sample with { Id = "2401.00002", Title = "Odd \ud800 title" }, null),
        ]);
        Saved(tmp, cache);
        var loaded = ArchivePageCache.Load(tmp.Sub("cache/" + ArchivePageCache.FileName));
        Assert.Equal(1, loaded.Count);
        Assert.False(loaded.TryGet("papers/2024-01/2401.00002.md", new string('c', 64), out _, out _));
    }
}
