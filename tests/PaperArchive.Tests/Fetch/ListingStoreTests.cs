using PaperArchive.Fetch;
using PaperArchive.Ingest;
using static PaperArchive.Tests.Fetch.FetchWorkspace;

namespace PaperArchive.Tests.Fetch;

public sealed class ListingStoreTests : IDisposable
{
    private readonly FetchWorkspace ws = new();

    public void Dispose() => ws.Dispose();

    [Fact]
    public void New_listings_go_in_year_folders()
    {
        Assert.Equal(Path.Combine(ws.ListingsDir, "hf-api", "2026", "2026-07-01.json"), ws.Store.NewPathFor(Day("2026-07-01")));
    }

    [Fact]
    public void Listed_days_come_from_day_named_files_only()
    {
        var store = ws.Store;
        ws.Archive(Day("2026-07-01"), [(byte)'[', (byte)']']);
        File.WriteAllText(Path.Combine(store.SourceDir, "2024-06-03.json"), "[]");
        File.WriteAllText(Path.Combine(store.SourceDir, "2026", ".2026-07-09.json.abcd1234.tmp"), "[");
        File.WriteAllText(Path.Combine(store.SourceDir, "notes-2026-07-08.json"), "[]");
        Directory.CreateDirectory(Path.Combine(store.SourceDir, ".old"));
        File.WriteAllText(Path.Combine(store.SourceDir, ".old", "2026-07-10.json"), "[]");

        Assert.Equal([Day("2024-06-03"), Day("2026-07-01")], store.ListedDayFiles().Keys);
    }

    [Fact]
    public void State_file_is_sorted_and_stable_and_a_damaged_one_is_survivable()
    {
        var store = ws.Store;
        store.WriteState(new FetchState([Day("2026-07-05"), Day("2026-07-04"), Day("2026-07-05")], []));
        var first = File.ReadAllBytes(store.StatePath);
        store.WriteState(new FetchState([Day("2026-07-04"), Day("2026-07-05")], []));

        Assert.Equal(first, File.ReadAllBytes(store.StatePath));
        Assert.Equal([Day("2026-07-04"), Day("2026-07-05")], store.ReadState().EmptyDays);

        File.WriteAllText(store.StatePath, "{\"emptyDays\": [\"2026-07-04\"");
        Assert.Empty(store.ReadState().EmptyDays);
    }

    [Fact]
    public void No_state_file_is_written_while_there_is_nothing_to_record()
    {
        ws.Store.WriteState(new FetchState([], []));

        Assert.False(File.Exists(ws.Store.StatePath));
    }

    [Fact]
    public void Importer_skips_state_rejected_lock_and_temp_files()
    {
        var store = ws.Store;
        var listing = ws.Archive(Day("2026-07-01"), Fixture("2026-07-01.json"));
        store.WriteState(new FetchState([Day("2026-07-04")], []));
        store.SetAside(Day("2026-07-02"), DefaultNow, 1, "html-page", "<html>"u8);
        File.WriteAllText(Path.Combine(store.SourceDir, "2026", ".2026-07-03.json.abcd1234.tmp"), "[{");
        using (store.TryLock())
        {
            Assert.Equal([listing], ListingReader.FindListings(ws.ListingsDir));
        }
    }

    [Fact]
    public void Set_aside_names_never_collide()
    {
        var a = ws.Store.SetAside(Day("2026-07-02"), DefaultNow, 1, "smaller", "a"u8);
        var b = ws.Store.SetAside(Day("2026-07-02"), DefaultNow, 1, "smaller", "b"u8);

        Assert.Equal("2026-07-02.20260707T061700Z.1.smaller.rejected", Path.GetFileName(a));
        Assert.Equal("2026-07-02.20260707T061700Z.1.smaller-2.rejected", Path.GetFileName(b));
        Assert.Equal("a", File.ReadAllText(a));
    }

    [Fact]
    public void Only_one_run_holds_the_lock()
    {
        using var first = ws.Store.TryLock();

        Assert.NotNull(first);
        Assert.Null(ws.Store.TryLock());
    }

    [Fact]
    public async Task A_second_concurrent_fetch_refuses_to_start()
    {
        using var held = ws.Store.TryLock();
        await using var server = new LocalApiServer(_ => ServerReply.Json("[]"));

        var report = await ws.FetchAsync(FastOptions(server.BaseAddress), DateRange.Single(Day("2026-07-01")));

        Assert.Equal(1, report.ExitCode);
        Assert.Contains("another fetch is running", report.Error);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void Stale_temp_files_are_removed_fresh_ones_kept()
    {
        var dir = Path.Combine(ws.Store.SourceDir, "2026");
        Directory.CreateDirectory(dir);
        var stale = Path.Combine(dir, ".2026-07-01.json.0000aaaa.tmp");
        var fresh = Path.Combine(dir, ".2026-07-02.json.0000bbbb.tmp");
        File.WriteAllText(stale, "[");
        File.WriteAllText(fresh, "[");
        var now = DateTimeOffset.UtcNow;
        File.SetLastWriteTimeUtc(stale, now.UtcDateTime.AddHours(-2));

        Assert.Equal(1, ws.Store.RemoveStaleTempFiles(now, TimeSpan.FromHours(1)));
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh));
    }
}
