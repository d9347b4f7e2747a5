using System.Diagnostics;
using PaperArchive.Fetch;
using PaperArchive.Ingest;
using static PaperArchive.Tests.Fetch.FetchWorkspace;

namespace PaperArchive.Tests.Fetch;

/// <summary>
/// Runs the real CLI in a child process against a slow server and SIGKILLs it mid-way, several
/// times (12 seeded kills): every file left under input/listings must be whole, and leftovers must never pass for listings.
/// </summary>
public sealed class FetchKillTests : IDisposable
{
    private readonly FetchWorkspace ws = new();

    public void Dispose() => ws.Dispose();

    [Fact]
    public async Task Killed_runs_leave_every_file_whole_and_a_later_run_completes()
    {
        var from = Day("2026-07-01");
        var to = Day("2026-07-17");
        // Bodies trickle in ten pieces, so kills land mid-download as well as mid-write.
        await using var server = new LocalApiServer(r =>
        {
            var fixture = Path.Combine(RepoRoot(), "tests", "fixtures", "hf-api", r.Date + ".json");
            var body = File.Exists(fixture) ? File.ReadAllBytes(fixture) : "[]"u8.ToArray();
            return ServerReply.Json(body) with { Chunks = 10, ChunkDelay = TimeSpan.FromMilliseconds(8) };
        });
        var random = new Random(6);

        for (var run = 0; run < 12; run++)
        {
            var seen = server.Requests.Count;
            var waitFor = seen + random.Next(1, 5);
            using var child = StartFetch(server.BaseAddress, from, to);
            var deadline = Stopwatch.StartNew();
            while (server.Requests.Count < waitFor && !child.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(5);
            }
            await Task.Delay(random.Next(0, 120));
            if (!child.HasExited)
            {
                child.Kill();
            }
            await child.WaitForExitAsync();
            AssertEveryFileWhole();
        }

        using var last = StartFetch(server.BaseAddress, from, to);
        var output = await last.StandardOutput.ReadToEndAsync();
        await last.WaitForExitAsync();
        Assert.True(last.ExitCode == 0, output + await last.StandardError.ReadToEndAsync());
        AssertEveryFileWhole();
        foreach (var day in new DateRange(from, to).Days())
        {
            var fixture = Path.Combine(RepoRoot(), "tests", "fixtures", "hf-api", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + ".json");
            if (File.Exists(fixture))
            {
                Assert.Equal(File.ReadAllBytes(fixture), File.ReadAllBytes(ws.Store.NewPathFor(day)));
            }
            else
            {
                Assert.Contains(day, ws.Store.ReadState().EmptyDays);
            }
        }
    }

    private void AssertEveryFileWhole()
    {
        foreach (var file in ListingReader.FindListings(ws.ListingsDir))
        {
            Assert.DoesNotContain(".tmp", file, StringComparison.Ordinal);
            var check = ListingValidator.Check(File.ReadAllBytes(file));
            Assert.True(check.IsValid && !check.IsEmpty, $"{file}: {check.Problem}");
        }
        foreach (var (_, file) in ws.Store.ListedDayFiles())
        {
            Assert.True(ListingValidator.Check(File.ReadAllBytes(file)).IsValid, file);
        }
        if (File.Exists(ws.Store.StatePath))
        {
            using var _ = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(ws.Store.StatePath));
        }
    }

    private Process StartFetch(Uri baseAddress, DateOnly from, DateOnly to)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "PaperArchive.Cli.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            dll, "fetch", "--input", ws.Root, "--from", $"{from:yyyy-MM-dd}", "--to", $"{to:yyyy-MM-dd}",
            "--base-url", baseAddress.ToString(), "--delay", "0", "--backoff", "0.01", "--timeout", "20",
        })
        {
            start.ArgumentList.Add(arg);
        }
        return Process.Start(start)!;
    }
}
