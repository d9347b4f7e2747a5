using System.CommandLine;
using PaperArchive.Cli;
using PaperArchive.Cli.Commands;
using static PaperArchive.Tests.Fetch.FetchWorkspace;

namespace PaperArchive.Tests.Fetch;

/// <summary>`paperarchive fetch` in-process: arguments, exit codes, and the one line per failed day.</summary>
public sealed class FetchCommandTests : IDisposable
{
    private readonly FetchWorkspace ws = new();

    public void Dispose() => ws.Dispose();

    private async Task<(int Exit, string Out, string Err)> RunAsync(Command command, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await command.Parse(args).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Fast test defaults; an option given in <paramref name="more"/> replaces its default.</summary>
    private string[] Args(Uri server, params string[] more)
    {
        string[] defaults = ["--input", ws.Root, "--base-url", server.ToString(), "--delay", "0", "--backoff", "0.01", "--max-attempts", "2"];
        var args = new List<string> { "fetch" };
        for (var i = 0; i < defaults.Length; i += 2)
        {
            if (!more.Contains(defaults[i]))
            {
                args.Add(defaults[i]);
                args.Add(defaults[i + 1]);
            }
        }
        args.AddRange(more);
        return [.. args];
    }

    [Fact]
    public async Task Failed_day_exits_non_zero_with_one_line_per_day()
    {
        await using var server = new LocalApiServer(r => r.Date == "2026-07-02" ? ServerReply.Error(503) : ServerReply.Json(Fixture(r.Date + ".json")));

        var (exit, stdout, stderr) = await RunAsync(Program.BuildRoot(), Args(server.BaseAddress, "--from", "2026-07-01", "--to", "2026-07-03"));

        Assert.Equal(1, exit);
        Assert.Equal("2026-07-02: failed after 2 attempts: HTTP 503\n", stderr.ReplaceLineEndings("\n"));
        Assert.Contains("2026-07-01: saved 23 papers to hf-api/2026/2026-07-01.json", stdout);
        Assert.Contains("fetch: 3 day(s): 2 saved, 1 failed", stdout);
        Assert.True(File.Exists(Path.Combine(ws.ListingsDir, "hf-api", "2026", "2026-07-03.json")));
    }

    [Fact]
    public async Task Nothing_new_exits_zero()
    {
        ws.Archive(Day("2026-07-06"), Fixture("2026-07-06.json"));
        ws.Archive(Day("2026-07-07"), Fixture("2026-07-07.json"));
        await using var server = new LocalApiServer(r => ServerReply.Json(Fixture(r.Date + ".json")));
        var command = new RootCommand { FetchCommand.Create(new FixedClock(DefaultNow)) };

        var (exit, stdout, stderr) = await RunAsync(command, Args(server.BaseAddress));

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.Contains("fetch: 2 day(s): 2 unchanged", stdout);
    }

    [Theory]
    [InlineData("--date", "2026-07-01", "--from", "2026-07-01")]
    [InlineData("--date", "01/07/2026")]
    [InlineData("--to", "2026-07-01")]
    [InlineData("--from", "2026-07-05", "--to", "2026-07-01")]
    [InlineData("--base-url", "ftp://example.org")]
    [InlineData("--max-attempts", "0")]
    public async Task Bad_arguments_exit_2_without_a_request(params string[] bad)
    {
        await using var server = new LocalApiServer(_ => ServerReply.Json("[]"));

        var (exit, _, stderr) = await RunAsync(Program.BuildRoot(), Args(server.BaseAddress, bad));

        Assert.Equal(2, exit);
        Assert.StartsWith("paperarchive fetch: ", stderr);
        Assert.Empty(server.Requests);
    }
}
