using System.Text;
using System.Text.Json;
using PaperArchive.Build;
using PaperArchive.Serve;

namespace PaperArchive.Tests.Serve;

/// <summary>
/// Preview first (<see cref="PreviewServer"/>, <see cref="PreviewOverlay"/>): a theme edit is served from
/// memory before the full build publishes it. The build is held at a gate, so "before publish" is
/// certain rather than a race: the open page, and any page asked for meanwhile, already show the edit;
/// when the build publishes the same bytes, the build id stays (no second reload); a template error
/// shows at once.
/// </summary>
public sealed class PreviewFirstTests : IAsyncLifetime
{
    private readonly ServeWorkspace _workspace = new();
    private readonly ManualResetEventSlim _gate = new(initialState: true);
    private readonly List<string> _log = [];
    private readonly SemaphoreSlim _buildStarted = new(0);
    private PreviewServer _server = null!;
    private int _builds;

    private int Port => new Uri(_server.Url).Port;

    public async Task InitializeAsync()
    {
        _server = await PreviewServer.StartAsync(
            new ServeOptions { Build = _workspace.BuildOptions with { SkipCheck = true }, Port = 0, BasePath = "/repo/" },
            line =>
            {
                lock (_log)
                {
                    _log.Add(line);
                }
            },
            options =>
            {
                // Held here while a test looks at the preview; the real build afterwards.
                _buildStarted.Release();
                _gate.Wait(TimeSpan.FromMinutes(2));
                var report = SiteBuilder.Build(options);
                Interlocked.Increment(ref _builds);
                return report;
            });
        Assert.True(_server.Status.Ok, string.Join("\n", _server.Status.Errors));
    }

    public async Task DisposeAsync()
    {
        _gate.Set();
        await _server.DisposeAsync();
        _workspace.Dispose();
        _gate.Dispose();
        _buildStarted.Dispose();
    }

    [Fact]
    public async Task A_header_edit_is_served_from_memory_before_the_build_publishes_and_the_publish_does_not_reload_again()
    {
        await using var events = await EventStream.OpenAsync(Port, "/repo/");
        var first = await events.NextAsync();
        // The server registers the page before it sends the first event.
        Assert.Contains("index.html", _server.OpenPages);
        var paper = Directory.GetFiles(Path.Combine(_server.SiteDir, "papers"), "*.html").Order(StringComparer.Ordinal).First();
        var paperPath = "papers/" + Path.GetFileName(paper);
        var buildsBefore = Volatile.Read(ref _builds);

        _gate.Reset();
        var header = _workspace.ThemeFile("partials/header.html");
        var original = File.ReadAllText(header);
        File.WriteAllText(header, original.Replace("<span class=\"brand-mark\"", "<span id=\"preview-first\">Edited</span><span class=\"brand-mark\"", StringComparison.Ordinal));

        // The preview's event: a new build id, while the full build is still held at the gate.
        var preview = await events.NextAsync();
        Assert.NotEqual(first.Build, preview.Build);
        Assert.True(preview.Ok);
        Assert.Equal(buildsBefore, Volatile.Read(ref _builds));
        var overlay = _server.Overlay;
        Assert.NotNull(overlay);
        Assert.Contains("index.html", overlay.RenderedPages);

        // The open page and a page nobody had open show the new header; the site on disk does not have it yet.
        var (status, _, home) = await RawHttp.GetAsync(Port, "/repo/");
        Assert.Equal(200, status);
        Assert.Contains("<span id=\"preview-first\">Edited</span>", home);
        Assert.Contains(Encode(preview.Build), home);
        var (paperStatus, _, paperBody) = await RawHttp.GetAsync(Port, "/repo/" + paperPath);
        Assert.Equal(200, paperStatus);
        Assert.Contains("<span id=\"preview-first\">Edited</span>", paperBody);
        Assert.DoesNotContain("preview-first", File.ReadAllText(Path.Combine(_server.SiteDir, "index.html")));
        Assert.DoesNotContain("preview-first", File.ReadAllText(paper));
        Assert.Contains(paperPath, overlay.RenderedPages);
        // Files that do not depend on the theme (feeds) still come from disk.
        Assert.Equal(200, (await RawHttp.GetAsync(Port, "/repo/atom.xml")).Status);

        // Let the full build run: it publishes the very bytes the preview served, so the id stays.
        _gate.Set();
        var published = await events.NextAsync();
        Assert.Equal(preview.Build, published.Build);
        Assert.True(published.Ok);
        Assert.Null(_server.Overlay);
        foreach (var page in new[] { "index.html", paperPath, "404.html" })
        {
            Assert.True(File.ReadAllBytes(Path.Combine(_server.SiteDir, page)).AsSpan().SequenceEqual(overlay.Get(page)),
                page + ": the preview's bytes differ from the published page");
        }
        Assert.Contains(_log.ToList(), l => l.StartsWith("preview ", StringComparison.Ordinal));

        // Restore, and wait for that preview and build to finish so the next test starts quiet.
        File.WriteAllText(header, original);
        var restored = await events.NextAsync();
        Assert.NotEqual(preview.Build, restored.Build);
        Assert.Equal(restored.Build, (await events.NextAsync()).Build);
    }

    [Fact]
    public async Task A_template_error_shows_at_once_and_a_fix_recovers()
    {
        await using var events = await EventStream.OpenAsync(Port, "/repo/");
        var first = await events.NextAsync();
        // The server registers the page before it sends the first event.
        Assert.Contains("index.html", _server.OpenPages);
        var header = _workspace.ThemeFile("partials/header.html");
        var original = File.ReadAllText(header);

        _gate.Reset();
        var buildsBefore = Volatile.Read(ref _builds);
        File.WriteAllText(header, "<header>\n<p>broken</p>\n{{ if }}\n</header>\n");
        var broken = await events.NextAsync();
        // Reported by the preview, before the full build ran: same id (the pages stay), the error for the overlay.
        Assert.Equal(buildsBefore, Volatile.Read(ref _builds));
        Assert.Equal(first.Build, broken.Build);
        Assert.False(broken.Ok);
        var error = Assert.Single(broken.Errors);
        Assert.EndsWith("partials/header.html", error.File.Replace('\\', '/'));
        Assert.StartsWith("line 3", error.Location);
        Assert.Null(_server.Overlay);
        var (_, _, page) = await RawHttp.GetAsync(Port, "/repo/");
        Assert.Contains("&quot;ok&quot;:false", page);

        // The fix is previewed (new id, no error) even though the build of the broken file is still held.
        File.WriteAllText(header, original.Replace("<span class=\"brand-mark\"", "<span id=\"fixed\">Fixed</span><span class=\"brand-mark\"", StringComparison.Ordinal));
        var fixedEvent = await events.NextAsync();
        Assert.True(fixedEvent.Ok);
        Assert.NotEqual(first.Build, fixedEvent.Build);
        Assert.Contains("<span id=\"fixed\">Fixed</span>", (await RawHttp.GetAsync(Port, "/repo/")).Body);

        // The held build (of the broken file, or of the fix) and the fix's own build: the preview stays shown, no error flashes back.
        _gate.Set();
        await WaitForAsync(() => _server.Overlay is null);
        Assert.True(_server.Status.Ok, string.Join("\n", _server.Status.Errors));
        Assert.Contains("<span id=\"fixed\">Fixed</span>", File.ReadAllText(Path.Combine(_server.SiteDir, "index.html")));
        File.WriteAllText(header, original);
        await events.NextAsync();
        await WaitForAsync(() => _server.Overlay is null && !File.ReadAllText(Path.Combine(_server.SiteDir, "index.html")).Contains("id=\"fixed\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_edit_while_the_full_build_runs_is_previewed_at_once_and_the_stale_build_is_cancelled()
    {
        await using var events = await EventStream.OpenAsync(Port, "/repo/");
        var first = await events.NextAsync();
        var header = _workspace.ThemeFile("partials/header.html");
        var original = File.ReadAllText(header);
        var buildsBefore = Volatile.Read(ref _builds);
        while (_buildStarted.CurrentCount > 0)
        {
            await _buildStarted.WaitAsync();
        }

        _gate.Reset();
        File.WriteAllText(header, original.Replace("<span class=\"brand-mark\"", "<span id=\"edit-a\">A</span><span class=\"brand-mark\"", StringComparison.Ordinal));
        var a = await events.NextAsync();
        Assert.NotEqual(first.Build, a.Build);
        Assert.True(await _buildStarted.WaitAsync(TimeSpan.FromMinutes(2)), "the build of A did not start");
        // The build of A is under way (held at the gate) when B is saved: B is previewed all the same.
        File.WriteAllText(header, original.Replace("<span class=\"brand-mark\"", "<span id=\"edit-b\">B</span><span class=\"brand-mark\"", StringComparison.Ordinal));
        var b = await events.NextAsync();
        Assert.NotEqual(a.Build, b.Build);
        var body = (await RawHttp.GetAsync(Port, "/repo/")).Body;
        Assert.Contains("id=\"edit-b\"", body);
        Assert.DoesNotContain("id=\"edit-a\"", body);

        // A's build was cancelled (it publishes nothing); B's build publishes B's bytes, with no second reload.
        _gate.Set();
        var published = await events.NextAsync();
        Assert.Equal(b.Build, published.Build);
        Assert.Equal(buildsBefore + 1, Volatile.Read(ref _builds));
        Assert.Contains(_log.ToList(), l => l.StartsWith("build cancelled", StringComparison.Ordinal));
        Assert.Contains("id=\"edit-b\"", File.ReadAllText(Path.Combine(_server.SiteDir, "index.html")));
        Assert.Null(_server.Overlay);

        File.WriteAllText(header, original);
        var restored = await events.NextAsync();
        Assert.Equal(restored.Build, (await events.NextAsync()).Build);
    }

    [Fact]
    public async Task With_preview_first_off_a_theme_edit_waits_for_the_full_build()
    {
        await _server.DisposeAsync();
        _server = await PreviewServer.StartAsync(
            new ServeOptions { Build = _workspace.BuildOptions with { SkipCheck = true }, Port = 0, BasePath = "/repo/", PreviewFirst = false });
        await using var events = await EventStream.OpenAsync(Port, "/repo/");
        var first = await events.NextAsync();
        var header = _workspace.ThemeFile("partials/header.html");
        var original = File.ReadAllText(header);
        File.WriteAllText(header, original.Replace("<span class=\"brand-mark\"", "<span id=\"late\">Late</span><span class=\"brand-mark\"", StringComparison.Ordinal));
        var next = await events.NextAsync();
        Assert.NotEqual(first.Build, next.Build);
        Assert.Null(_server.Overlay);
        Assert.Contains("id=\"late\"", File.ReadAllText(Path.Combine(_server.SiteDir, "index.html")));
        File.WriteAllText(header, original);
        await events.NextAsync();
    }

    private static string Encode(string build) => "&quot;build&quot;:&quot;" + build + "&quot;";

    /// <summary>Waits for a condition that the server reaches by itself (bounded; polls a cheap in-memory check).</summary>
    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private sealed record State(string Build, bool Ok, IReadOnlyList<ErrorState> Errors);

    private sealed record ErrorState(string File, string? Location, string Message);

    /// <summary>The reload client's event stream, opened the way live.js opens it (naming its page).</summary>
    private sealed class EventStream : IAsyncDisposable
    {
        private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };
        private readonly HttpClient _client;
        private readonly HttpResponseMessage _response;
        private readonly StreamReader _reader;

        private EventStream(HttpClient client, HttpResponseMessage response, StreamReader reader) => (_client, _response, _reader) = (client, response, reader);

        public static async Task<EventStream> OpenAsync(int port, string page)
        {
            var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
            var response = await client.GetAsync(LiveReload.EventsPath + "?page=" + Uri.EscapeDataString(page), HttpCompletionOption.ResponseHeadersRead);
            return new EventStream(client, response, new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8));
        }

        public async Task<State> NextAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (true)
            {
                var line = await _reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("event stream closed");
                if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    return JsonSerializer.Deserialize<State>(line["data: ".Length..], Json)!;
                }
            }
        }

        public ValueTask DisposeAsync()
        {
            _reader.Dispose();
            _response.Dispose();
            _client.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
