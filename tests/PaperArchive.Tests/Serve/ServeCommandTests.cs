using System.Text;
using System.Text.RegularExpressions;
using PaperArchive.Cli;
using Spectre.Console;

namespace PaperArchive.Tests.Serve;

/// <summary>`paperarchive serve` end to end: defaults (loopback, base path from site.yml), and a cancel (Ctrl+C) stops it cleanly.</summary>
public partial class ServeCommandTests
{
    [Fact]
    public async Task Serve_listens_on_loopback_under_the_configured_base_path_and_stops_cleanly_when_cancelled()
    {
        using var workspace = new ServeWorkspace();
        var writer = new SignallingWriter("Watching ");
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            Interactive = InteractionSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
        });
        using var stop = new CancellationTokenSource();
        var options = workspace.BuildOptions;
        var run = Program.BuildRoot(console).Parse(
        [
            "serve", "--input", options.InputDir, "--archive", options.ArchiveDir, "--output", options.OutputDir,
            "--themes-dir", options.ThemesDir!, "--port", "0",
        ]).InvokeAsync(cancellationToken: stop.Token);

        await writer.Seen.WaitAsync(TimeSpan.FromMinutes(3));
        var url = UrlPattern().Match(writer.Text).Value;
        Assert.StartsWith("http://127.0.0.1:", url);
        Assert.EndsWith("/repo/", url); // site.yml's base_url is https://example.org/repo/
        using (var client = new HttpClient())
        {
            var page = await client.GetStringAsync(url);
            Assert.Contains("Serve Test Archive", page);
        }

        await stop.CancelAsync();
        var exit = await run.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(0, exit);
        Assert.Contains("Stopped.", writer.Text);
        await Assert.ThrowsAnyAsync<HttpRequestException>(async () =>
        {
            using var client = new HttpClient();
            await client.GetStringAsync(url);
        });
        Assert.False(Directory.Exists(Path.Combine(workspace.Root, ".site.building")));
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/\S*")]
    private static partial Regex UrlPattern();

    /// <summary>Collects console output and completes <see cref="Seen"/> once a marker was written (no polling).</summary>
    private sealed class SignallingWriter(string marker) : TextWriter
    {
        private readonly StringBuilder _text = new();
        private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override Encoding Encoding => Encoding.UTF8;

        public Task Seen => _seen.Task;

        public string Text
        {
            get
            {
                lock (_text)
                {
                    return _text.ToString();
                }
            }
        }

        public override void Write(char value) => Write(value.ToString());

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Write(string? value)
        {
            lock (_text)
            {
                _text.Append(value);
                if (_text.ToString().Contains(marker, StringComparison.Ordinal))
                {
                    _seen.TrySetResult();
                }
            }
        }
    }
}
