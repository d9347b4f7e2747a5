using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using PaperArchive.Fetch;
using PaperArchive.Ingest;
using static PaperArchive.Tests.Fetch.FetchWorkspace;

namespace PaperArchive.Tests.Fetch;

/// <summary>
/// The fetcher against a real HTTP server on 127.0.0.1 with one fault each. Every test checks what is
/// on disk afterwards: the archived listing byte-identical, bad responses set aside, the state file.
/// </summary>
public sealed class FetchFaultTests : IDisposable
{
    private static readonly DateOnly July1 = Day("2026-07-01");
    private static readonly DateOnly July2 = Day("2026-07-02");
    private readonly FetchWorkspace ws = new();

    public void Dispose() => ws.Dispose();

    private static byte[] Good2 => Fixture("2026-07-02.json");

    /// <summary>The listing of 2026-07-01 as saved by an earlier run; it must survive every fault byte for byte.</summary>
    private string ArchiveJuly1() => ws.Archive(July1, Fixture("2026-07-01.json"));

    private static Func<ApiRequest, ServerReply> Script(params ServerReply[] replies)
    {
        var n = 0;
        return _ => replies[Math.Min(Interlocked.Increment(ref n) - 1, replies.Length - 1)];
    }

    [Fact]
    public async Task Server_errors_then_success_saves_the_response_unmodified()
    {
        var july1 = ArchiveJuly1();
        await using var server = new LocalApiServer(Script(ServerReply.Error(500), ServerReply.Error(503), ServerReply.Json(Good2)));

        var report = await ws.FetchAsync(FastOptions(server.BaseAddress), DateRange.Single(July2));

        Assert.Equal(0, report.ExitCode);
        var day = Assert.Single(report.Days);
        Assert.Equal(DayOutcome.Saved, day.Outcome);
        Assert.Equal(3, day.Attempts);
        Assert.Equal("2026-07-02: saved 23 papers to hf-api/2026/2026-07-02.json", day.ToString());
        Assert.Equal(Good2, File.ReadAllBytes(ws.Store.NewPathFor(July2)));
        Assert.Equal(Fixture("2026-07-01.json"), File.ReadAllBytes(july1));
        Assert.Equal(["hf-api/2026/2026-07-01.json", "hf-api/2026/2026-07-02.json"], ws.AllFiles());
        Assert.Contains("2026-07-02: HTTP 500; retrying in", ws.Output.ToString());
    }

    [Fact]
    public async Task Server_errors_every_time_fail_the_day_and_keep_the_archived_file()
    {
        var july2 = ws.Archive(July2, Good2);
        await using var server = new LocalApiServer(_ => ServerReply.Error(503));

        var report = await ws.FetchAsync(FastOptions(server.BaseAddress), DateRange.Single(July2));

        Assert.Equal(1, report.ExitCode);
        Assert.Equal("2026-07-02: failed after 3 attempts: HTTP 503", Assert.Single(report.Failed).ToString());
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(Good2, File.ReadAllBytes(july2));
        Assert.Equal(["hf-api/2026/2026-07-02.json"], ws.AllFiles());
    }

    [Fact]
    public async Task Too_many_requests_waits_as_retry_after_asks()
    {
        var tooMany = ServerReply.Error(429) with { Headers = [("Retry-After", "1")] };
        await using var server = new LocalApiServer(Script(tooMany, ServerReply.Json(Good2)));

        var report = await ws.FetchAsync(FastOptions(server.BaseAddress), DateRange.Single(July2));

        Assert.Equal(0, report.ExitCode);
        var requests = server.RequestsFor("2026-07-02");
        Assert.Equal(2, requests.Count);
        // The fast options back off 10 ms; only Retry-After explains a wait of a second.
        Assert.True(Stopwatch.GetElapsedTime(requests[0].Timestamp, requests[1].Timestamp) >= TimeSpan.FromMilliseconds(950));
        Assert.Contains("2026-07-02: HTTP 429; retrying in 1 s as Retry-After asks (attempt 2 of 3)", ws.Output.ToString());
        Assert.Equal(Good2, File.ReadAllBytes(ws.Store.NewPathFor(July2)));
    }

    [Fact]
    public async Task Too_many_requests_slows_the_rest_of_the_run()
    {
        var first = true;
        await using var server = new LocalApiServer(r =>
        {
            if (first)
            {
                first = false;
                return ServerReply.Error(429) with { Headers = [("Retry-After", "0")] };
            }
            return ServerReply.Json(Fixture(r.Date + ".json"));
        });
        var options = FastOptions(server.BaseAddress) with { MaxBackoff = TimeSpan.FromMilliseconds(300) };

        var report = await ws.FetchAsync(options, new DateRange(July2, Day("2026-07-03")));

        Assert.Equal(0, report.ExitCode);
        var requests = server.Requests.OrderBy(r => r.Number).ToList();
        Assert.Equal(["2026-07-02", "2026-07-02", "2026-07-03"], requests.Select(r => r.Date));
        // No delay was configured; after the 429 the next day waits (1 s, capped at MaxBackoff = 300 ms).
        Assert.True(Stopwatch.GetElapsedTime(requests[1].Timestamp, requests[2].Timestamp) >= TimeSpan.FromMilliseconds(290));
    }

    [Fact]
    public async Task Retry_after_longer_than_the_daily_limit_gives_up_at_once()
    {
        var july2 = ws.Archive(July2, Good2);
        var tooMany = ServerReply.Error(429) with { Headers = [("Retry-After", "3600")] };
        await using var server = new LocalApiServer(_ => tooMany);

        var report = await ws.FetchAsync(FastOptions(server.BaseAddress), DateRange.Single(July2));

        Assert.Equal(1, report.ExitCode);
        Assert.Equal("2026-07-02: failed after 1 attempt: HTTP 429 (waiting 3600 s more would exceed the 20 s limit per day)", Assert.Single(report.Failed).ToString());
        Assert.Single(server.Requests);
        Assert.Equal(Good2, File.ReadAllBytes(july2));
    }

    [Fact]
    public async Task Slow_response_past_the_timeout_is_retried()
    {
        await using var server = new LocalApiServer(Script(ServerReply.Json(Good2) with { DelayBeforeHeaders = TimeSpan.FromSeconds(5) }, ServerReply.Json(Good2)));
        var options = FastOptions(server.BaseAddress) with { RequestTimeout = TimeSpan.FromSeconds(1) };

        var report = await ws.FetchAsync(options, DateRange.Single(July2));

        Assert.Equal(0, report.ExitCode);
        Assert.Equal(2, Assert.Single(report.Days).Attempts);
        Assert.Contains("2026-07-02: timed out after 1 s; retrying in", ws.Output.ToString());
        Assert.Equal(Good2, File.ReadAllBytes(ws.Store.NewPathFor(July2)));
    }

    [Fact]
    public async Task Slow_body_every_time_fails_with_a_one_line_reason()
    {
        var july2 = ws.Archive(July2, Good2);
        // Headers come at once, the body trickles: the deadline covers the body too.
        var trickle = ServerReply.Json(Good2) with { Chunks = 50, ChunkDelay = TimeSpan.FromMilliseconds(100) };
        await using var server = new LocalApiServer(_ => trickle);
        var options = FastOptions(server.BaseAddress) with { RequestTimeout = TimeSpan.FromMilliseconds(400), MaxAttempts = 2 };

        var report = await ws.FetchAsync(options, DateRange.Single(July2));

        Assert.Equal(1, report.ExitCode);
        Assert.Equal("2026-07-02: failed after 2 attempts: timed out after 0.4 s", Assert.Single(report.Failed).ToString());
        Assert.Equal(Good2, File.ReadAllBytes(july2));
        Assert.Equal(["hf-api/2026/2026-07-02.json"], ws.AllFiles());
    }

    [Fact]
    public async Task Body_shorter_than_its_content_length_is_retried()
    {
        await using var server = new LocalApiServer(Script(ServerReply.Json(Good2) with { SendBytes = Good2.Length / 2 }, ServerReply.Json(Good2)));

        var report = await ws.FetchAsync(FastOptions(server.BaseAddress), DateRange.Single(July2));

        Assert.Equal(0, report.ExitCode);
        Assert.Equal(2, Assert.Single(report.Days).Attempts);
        Assert.Contains("2026-07-02: connection closed before the whole response arrived; retrying in", ws.Output.ToString());
        Assert.Equal(Good2, File.ReadAllBytes(ws.Store.NewPathFor(July2)));
        Assert.Empty(ws.RejectedFiles());
    }

    [Fact]
    public async Task Truncated_json_is_set_aside_and_never_replaces_the_archived_file()
    {
        var july1 = ArchiveJuly1();
        var july2 = ws.Archive(July2, Good2);
        var truncated = Good2[..(Good2.Length / 3)];
        // No Content-Length: the body simply ends when the connection closes, so HTTP sees a whole response.
        await using var server = new LocalApiServer(_ => ServerReply.Json(truncated) with { DeclareLength = false });

        var report = await ws.FetchAsync(FastOptions(server.BaseAddress), DateRange.Single(July2));

        Assert.Equal(1, report.ExitCode);
        var failed = Assert.Single(report.Failed).ToString();
        Assert.StartsWith("2026-07-02: failed after 3 attempts: response is not valid JSON (truncated?)", failed);
        Assert.EndsWith("; 3 response(s) set aside in .rejected/", failed);
        Assert.Equal(Good2, File.ReadAllBytes(july2));
        Assert.Equal(Fixture("2026-07-01.json"), File.ReadAllBytes(july1));
        Assert.Equal(
            ["2026-07-02.20260707T061700Z.1.invalid-json.rejected", "2026-07-02.20260707T061700Z.2.invalid-json.rejected", "2026-07-02.20260707T061700Z.3.invalid-json.rejected"],
            ws.RejectedFiles());
        Assert.Equal(truncated, File.ReadAllBytes(Path.Combine(ws.Store.RejectedDir, ws.RejectedFiles()[0])));
        // The importer never sees the rejected responses.
        Assert.Equal([july1, july2], ListingReader.FindListings(ws.ListingsDir));
    }

    [Fact]
    public async Task Html_error_page_with_status_200_is_set_aside()
    {
        var july2 = ws.Archive(July2, Good2);
        const string page = "<!DOCTYPE html><html><head><title>Hugging Face – 502 Bad Gateway</title></head><body>Something went wrong</body></html>";
        await using var server = new LocalApiServer(Script(ServerReply.Html(page), ServerReply.Html(page), ServerReply.Html(page)));

        var report = await ws.FetchAsync(FastOptions(server.BaseAddress) with { MaxAttempts = 2 }, DateRange.Single(July2));

        Assert.Equal(1, report.ExitCode);
        Assert.Equal(
            "2026-07-02: failed after 2 attempts: response is an HTML page, not JSON (title: \"Hugging Face – 502 Bad Gateway\"); 2 response(s) set aside in .rejected/",
            Assert.Single(report.Failed).ToString());
        Assert.Equal(Good2, File.ReadAllBytes(july2));
        Assert.Equal(["2026-07-02.20260707T061700Z.1.html-page.rejected", "2026-07-02.20260707T061700Z.2.html-page.rejected"], ws.RejectedFiles());
        Assert.Equal(page, File.ReadAllText(Path.Combine(ws.Store.RejectedDir, ws.RejectedFiles()[1])));
        Assert.Contains("2026-07-02: response is an HTML page, not JSON (title: \"Hugging Face – 502 Bad Gateway\"); response set aside as .rejected/2026-07-02.20260707T061700Z.1.html-page.rejected", ws.Output.ToString());
    }

    [Fact]
    public async Task Html_page_then_good_response_saves_the_listing_and_keeps_the_page_for_inspection()
    {
        await using var server = new LocalApiServer(Script(ServerReply.Html("<html><body>maintenance</body></html>"), ServerReply.Json(Good2)));

        var report = await ws.FetchAsync(FastOptions(server.BaseAddress), DateRange.Single(July2));

        Assert.Equal(0, report.ExitCode);
        var day = Assert.Single(report.Days);
        Assert.Equal(DayOutcome.Saved, day.Outcome);
        Assert.Single(day.SetAside);
        Assert.Equal(Good2, File.ReadAllBytes(ws.Store.NewPathFor(July2)));
        Assert.Equal(["2026-07-02.20260707T061700Z.1.html-page.rejected"], ws.RejectedFiles());
    }

    [Fact]
    public async Task Empty_list_is_recorded_in_the_state_file_without_writing_a_listing()
    {
        var july1 = ArchiveJuly1();
        await using var server = new LocalApiServer(_ => ServerReply.Json("[]"));

        var report = await ws.FetchAsync(FastOptions(server.BaseAddress), new DateRange(Day("2026-07-04"), Day("2026-07-05")));

        Assert.Equal(0, report.ExitCode);
        Assert.All(report.Days, d => Assert.Equal(DayOutcome.Empty, d.Outcome));
        Assert.Equal(["hf-api/.fetch-state.json", "hf-api/2026/2026-07-01.json"], ws.AllFiles());
        Assert.Equal([Day("2026-07-04"), Day("2026-07-05")], ws.Store.ReadState().EmptyDays);
        Assert.Contains("\"emptyDays\": [\n    \"2026-07-04\",\n    \"2026-07-05\"\n  ]", File.ReadAllText(ws.Store.StatePath));
        Assert.Equal([july1], ListingReader.FindListings(ws.ListingsDir));
    }

    [Fact]
    public async Task Empty_list_for_an_archived_day_keeps_the_listing()
    {
        var july2 = ws.Archive(July2, Good2);
        await using var server = new LocalApiServer(_ => ServerReply.Json("[]"));

        var report = await ws.FetchAsync(FastOptions(server.BaseAddress), DateRange.Single(July2));

        Assert.Equal(0, report.ExitCode);
        var day = Assert.Single(report.Days);
        Assert.Equal(DayOutcome.KeptExisting, day.Outcome);
        Assert.Equal("2026-07-02: API returned an empty list; kept the saved listing (23 papers)", day.ToString());
        Assert.Equal(Good2, File.ReadAllBytes(july2));
        Assert.Empty(ws.Store.ReadState().EmptyDays);
        Assert.Equal(["hf-api/2026/2026-07-02.json"], ws.AllFiles());
    }

    [Fact]
    public async Task Connection_reset_is_retried()
    {
        await using var server = new LocalApiServer(Script(ServerReply.ConnectionReset(), ServerReply.Json(Good2)));

        var report = await ws.FetchAsync(FastOptions(server.BaseAddress), DateRange.Single(July2));

        Assert.Equal(0, report.ExitCode);
        Assert.Equal(2, Assert.Single(report.Days).Attempts);
        Assert.Equal(Good2, File.ReadAllBytes(ws.Store.NewPathFor(July2)));
    }

    [Fact]
    public async Task Connection_reset_every_time_fails_the_day_only()
    {
        var july1 = ArchiveJuly1();
        var july3 = Fixture("2026-07-03.json");
        await using var server = new LocalApiServer(r => r.Date == "2026-07-02" ? ServerReply.ConnectionReset() : ServerReply.Json(july3));

        var report = await ws.FetchAsync(FastOptions(server.BaseAddress), new DateRange(July2, Day("2026-07-03")));

        Assert.Equal(1, report.ExitCode);
        var failed = Assert.Single(report.Failed).ToString();
        Assert.True(failed is "2026-07-02: failed after 3 attempts: connection reset by the server"
            or "2026-07-02: failed after 3 attempts: connection closed before the whole response arrived", failed);
        Assert.Equal(DayOutcome.Saved, report.Days[1].Outcome);
        Assert.Equal(Fixture("2026-07-01.json"), File.ReadAllBytes(july1));
        Assert.Equal(["hf-api/.fetch-state.json", "hf-api/2026/2026-07-01.json", "hf-api/2026/2026-07-03.json"], ws.AllFiles());
        Assert.Equal([July2], ws.Store.ReadState().FailedDays);
    }

    [Fact]
    public async Task A_failed_day_is_remembered_and_fetched_by_the_next_run()
    {
        var failing = true;
        await using var server = new LocalApiServer(r => failing && r.Date == "2026-07-06" ? ServerReply.Error(502) : ServerReply.Json(Fixture(r.Date + ".json")));

        var first = await ws.FetchAsync(FastOptions(server.BaseAddress), new DateRange(Day("2026-07-06"), Day("2026-07-07")));
        Assert.Equal(1, first.ExitCode);
        Assert.Equal([Day("2026-07-06")], ws.Store.ReadState().FailedDays);
        Assert.Contains("\"failedDays\": [\n    \"2026-07-06\"\n  ]", File.ReadAllText(ws.Store.StatePath));

        failing = false;
        var second = await ws.FetchAsync(FastOptions(server.BaseAddress), range: null, now: DefaultNow.AddDays(1));

        Assert.Equal(0, second.ExitCode);
        Assert.Contains(second.Days, d => d.Date == Day("2026-07-06") && d.Outcome == DayOutcome.Saved);
        Assert.Empty(ws.Store.ReadState().FailedDays);
        Assert.Equal(Fixture("2026-07-06.json"), File.ReadAllBytes(ws.Store.NewPathFor(Day("2026-07-06"))));
    }

    [Fact]
    public async Task Not_found_is_not_retried()
    {
        await using var server = new LocalApiServer(_ => ServerReply.Error(404, "{\"error\":\"not found\"}"));

        var report = await ws.FetchAsync(FastOptions(server.BaseAddress), DateRange.Single(July2));

        Assert.Equal("2026-07-02: failed after 1 attempt: HTTP 404 (not retried)", Assert.Single(report.Failed).ToString());
        Assert.Single(server.Requests);
        Assert.Equal(["hf-api/.fetch-state.json"], ws.AllFiles());
    }

    [Fact]
    public async Task More_complete_response_replaces_a_partial_scrape()
    {
        var partial = Items(Good2, take: 10);
        var july2 = ws.Archive(July2, partial);
        await using var server = new LocalApiServer(_ => ServerReply.Json(Good2));

        var report = await ws.FetchAsync(FastOptions(server.BaseAddress), DateRange.Single(July2));

        var day = Assert.Single(report.Days);
        Assert.Equal(DayOutcome.Updated, day.Outcome);
        Assert.Equal("2026-07-02: updated: 23 papers (was 10)", day.ToString());
        Assert.Equal(Good2, File.ReadAllBytes(july2));
        Assert.Empty(ws.RejectedFiles());
    }

    [Fact]
    public async Task Smaller_response_is_set_aside_and_the_archived_file_kept()
    {
        var july2 = ws.Archive(July2, Good2);
        var partial = Items(Good2, take: 10);
        await using var server = new LocalApiServer(_ => ServerReply.Json(partial));

        var report = await ws.FetchAsync(FastOptions(server.BaseAddress), DateRange.Single(July2));

        Assert.Equal(0, report.ExitCode);
        var day = Assert.Single(report.Days);
        Assert.Equal(DayOutcome.KeptExisting, day.Outcome);
        Assert.Equal("2026-07-02: response is smaller (10 papers, saved has 23); kept the saved listing; response set aside as .rejected/2026-07-02.20260707T061700Z.1.smaller.rejected", day.ToString());
        Assert.Equal(Good2, File.ReadAllBytes(july2));
        Assert.Equal(partial, File.ReadAllBytes(Path.Combine(ws.Store.RejectedDir, "2026-07-02.20260707T061700Z.1.smaller.rejected")));
    }

    [Fact]
    public async Task Same_papers_with_larger_counts_replace_the_archived_file_and_identical_ones_do_not()
    {
        var july2 = ws.Archive(July2, Good2);
        var before = File.GetLastWriteTimeUtc(july2);
        var node = JsonNode.Parse(Good2)!.AsArray();
        node[0]!["paper"]!["upvotes"] = node[0]!["paper"]!["upvotes"]!.GetValue<int>() + 5;
        var later = Encoding.UTF8.GetBytes(node.ToJsonString());
        var replies = new Queue<ServerReply>([ServerReply.Json(Good2), ServerReply.Json(later)]);
        await using var server = new LocalApiServer(_ => replies.Dequeue());

        var first = await ws.FetchAsync(FastOptions(server.BaseAddress), DateRange.Single(July2));
        Assert.Equal("2026-07-02: unchanged (23 papers)", Assert.Single(first.Days).ToString());
        Assert.Equal(before, File.GetLastWriteTimeUtc(july2));

        var second = await ws.FetchAsync(FastOptions(server.BaseAddress), DateRange.Single(July2));
        Assert.Equal(DayOutcome.Updated, Assert.Single(second.Days).Outcome);
        Assert.Contains("upvotes + comments", second.Days[0].Message);
        Assert.Equal(later, File.ReadAllBytes(july2));
    }

    [Fact]
    public async Task Without_dates_fetches_since_the_last_day_and_rechecks_the_last_two()
    {
        foreach (var name in new[] { "2026-07-01", "2026-07-02", "2026-07-03" })
        {
            ws.Archive(Day(name), Fixture(name + ".json"));
        }
        ws.Store.WriteState(new FetchState([Day("2026-07-04"), Day("2026-07-05")], []));
        await using var server = new LocalApiServer(r => ServerReply.Json(Fixture(r.Date + ".json")));

        // "Today" is 2026-07-07 06:17 UTC.
        var report = await ws.FetchAsync(FastOptions(server.BaseAddress), range: null);

        Assert.Equal(0, report.ExitCode);
        Assert.Equal(["2026-07-02", "2026-07-03", "2026-07-06", "2026-07-07"], server.Requests.OrderBy(r => r.Number).Select(r => r.Date));
        Assert.Equal(
            ["2026-07-02: unchanged (23 papers)", "2026-07-03: unchanged (20 papers)", "2026-07-06: saved 9 papers to hf-api/2026/2026-07-06.json", "2026-07-07: saved 27 papers to hf-api/2026/2026-07-07.json"],
            report.Days.Select(d => d.ToString()));
    }

    [Fact]
    public async Task Flat_sample_files_are_updated_in_place_not_duplicated()
    {
        var flat = Path.Combine(ws.Store.SourceDir, "2026-07-02.json");
        Directory.CreateDirectory(ws.Store.SourceDir);
        File.WriteAllBytes(flat, Items(Good2, take: 5));
        await using var server = new LocalApiServer(_ => ServerReply.Json(Good2));

        var report = await ws.FetchAsync(FastOptions(server.BaseAddress), DateRange.Single(July2));

        Assert.Equal(DayOutcome.Updated, Assert.Single(report.Days).Outcome);
        Assert.Equal(Good2, File.ReadAllBytes(flat));
        Assert.Equal(["hf-api/2026-07-02.json"], ws.AllFiles());
    }

    [Fact]
    public async Task Requests_are_one_at_a_time_spaced_out_and_identify_the_archive()
    {
        await using var server = new LocalApiServer(r => ServerReply.Json(Fixture(r.Date + ".json")));
        var options = FastOptions(server.BaseAddress) with { DelayBetweenRequests = TimeSpan.FromMilliseconds(150) };

        var report = await ws.FetchAsync(options, new DateRange(July2, Day("2026-07-03")));

        Assert.Equal(0, report.ExitCode);
        var requests = server.Requests.OrderBy(r => r.Number).ToList();
        Assert.Equal(2, requests.Count);
        Assert.True(Stopwatch.GetElapsedTime(requests[0].Timestamp, requests[1].Timestamp) >= TimeSpan.FromMilliseconds(140));
        Assert.All(requests, r => Assert.Equal("/api/daily_papers", r.Path));
        Assert.All(requests, r => Assert.Matches(@"^PaperArchive/\d+\.\d+\.\d+\S* \(\+https://github\.com/example/paper-archive\)$", r.UserAgent));
    }

    [Fact]
    public async Task Days_after_today_are_not_fetched()
    {
        await using var server = new LocalApiServer(_ => ServerReply.Json("[]"));

        var report = await ws.FetchAsync(FastOptions(server.BaseAddress), new DateRange(Day("2026-07-06"), Day("2026-07-10")));

        Assert.Equal(["2026-07-06", "2026-07-07"], server.Requests.OrderBy(r => r.Number).Select(r => r.Date));
        Assert.Contains("skipped 3 day(s) after today (2026-07-07, UTC)", report.Notes);
    }

    /// <summary>The first <paramref name="take"/> items of a listing, as an earlier partial scrape would have had them.</summary>
    private static byte[] Items(byte[] listing, int take)
    {
        var array = JsonNode.Parse(listing)!.AsArray();
        var partial = new JsonArray(array.Take(take).Select(n => n!.DeepClone()).ToArray());
        return Encoding.UTF8.GetBytes(partial.ToJsonString());
    }
}
