using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using PaperArchive.Build;
using PaperArchive.Common;
using PaperArchive.Rendering;

namespace PaperArchive.Serve;

/// <summary>
/// Front door of <c>paperarchive serve</c>: builds the site, serves the output folder over HTTP
/// (<see cref="HttpListener"/>, loopback by default), rebuilds when input/, the themes or the
/// config change, and tells open pages to reload (<see cref="LiveReload"/>).
/// <para>
/// Every rebuild goes through <see cref="SiteBuilder.Build"/>, incrementally: a theme edit reuses the
/// archive and analysis kept in memory (<see cref="BuildCache"/>) and re-renders only the pages that
/// use the edited file; a data change imports again (the import skips itself when the listings did
/// not change) and re-renders the pages whose data changed. The builder renders into a staging folder and swaps
/// it in only when the build succeeded, so requests always read a complete site; a request that
/// misses a file while a swap may be under way waits for the build to end and looks again.
/// Files are read whole before the response starts, so a page is never sent half-written.
/// </para>
/// <para>
/// Preview first: a header edit touches every page, and re-rendering all of them takes seconds. So on a
/// theme edit the server first renders, in memory, only the pages readers have open (the reload client
/// names its page when it connects), from <see cref="SiteBuilder.Plan"/> — the same plan the build
/// renders from — and serves them, and any other page asked for meanwhile, from a
/// <see cref="PreviewOverlay"/> in front of the site on disk; open tabs reload at once. The full build
/// runs next; when it publishes the same bytes the overlay is dropped without a second reload. A new
/// edit meanwhile makes a new overlay, cancels the build of the older state (after its import, never
/// during it) and gets its own build. Data edits (listings, site.yml, topics.yml) change what pages
/// exist, so they take the full build only. Builds and previews run on threads of their own, and the
/// render uses one worker per core, so requests are answered while a build runs.
/// </para>
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan MaxDebounce = TimeSpan.FromSeconds(2);

    private readonly ServeOptions _options;
    private readonly Func<BuildOptions, BuildReport> _build;
    private readonly Action<string> _log;
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _changes = new(0);
    private readonly SemaphoreSlim _themeChanges = new(0);

    // Archive and analysis of the last build, reused until a data file changes (see StartWatching).
    private readonly BuildCache _cache = new();
    private readonly object _gate = new();
    // Each event stream and the site path of the page that opened it (null when it named none).
    private readonly Dictionary<Channel<string>, string?> _clients = [];
    private List<TaskCompletionSource<BuildStatus>> _waiters = [];
    private TaskCompletionSource _buildDone = Completed();
    private int _buildSeq;
    // What requests read, swapped as one (under _gate): the status and the preview overlay, if any.
    private Served _served = new(BuildStatus.None, null);
    // The last number given to a served site (a published build or a preview); only grows.
    private int _lastSiteBuild;
    // Counts change events (and RebuildAsync calls) as they arrive, before debouncing: a build and a
    // preview that started at the same count read the same files.
    private long _generation;
    private long _previewGeneration = -1;
    private long _builtGeneration = -1;
    // The full build under way (its change count and how to stop it), or null.
    private (long Generation, CancellationTokenSource Cancel)? _running;
    private SiteWatcher? _watcher;
    private Task _acceptLoop = Task.CompletedTask;
    private Task _buildLoop = Task.CompletedTask;
    private Task _previewLoop = Task.CompletedTask;

    private PreviewServer(ServeOptions options, Func<BuildOptions, BuildReport> build, Action<string> log, HttpListener listener, string url)
    {
        _options = options with { BasePath = ServeOptions.NormalizeBasePath(options.BasePath) };
        _build = build;
        _log = log;
        _listener = listener;
        Url = url;
        Instance = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..4]);
    }

    /// <summary>The site's address, e.g. <c>http://127.0.0.1:8080/repo/</c>.</summary>
    public string Url { get; }

    /// <summary>Distinguishes this server's builds from a previous run's, so restarting also reloads open pages.</summary>
    public string Instance { get; }

    /// <summary>The output folder being served (absolute).</summary>
    public string SiteDir => Path.GetFullPath(_options.Build.OutputDir);

    public BuildStatus Status => Volatile.Read(ref _served).Status;

    /// <summary>The pages rendered in memory ahead of the full build (null when the site on disk is current).</summary>
    public PreviewOverlay? Overlay => Volatile.Read(ref _served).Overlay;

    /// <summary>Site paths of the pages open in a tab connected for reload ("index.html", "day/2024-06-03.html").</summary>
    public IReadOnlyList<string> OpenPages
    {
        get
        {
            lock (_clients)
            {
                return _clients.Values.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            }
        }
    }

    /// <summary>Folders watched for changes (empty when watching is off).</summary>
    public IReadOnlyList<string> WatchedFolders => _watcher?.Folders ?? [];

    /// <summary>
    /// Binds the port, runs the first build, then starts serving and watching. A failed first build
    /// does not stop the server: pages show the errors until a build succeeds.
    /// </summary>
    public static async Task<PreviewServer> StartAsync(ServeOptions options, Action<string>? log = null, Func<BuildOptions, BuildReport>? build = null)
    {
        var (listener, url) = Listen(options.Host, options.Port, ServeOptions.NormalizeBasePath(options.BasePath));
        var server = new PreviewServer(options, build ?? SiteBuilder.Build, log ?? (_ => { }), listener, url);
        server._acceptLoop = Task.Run(server.AcceptLoopAsync);
        server._buildLoop = Task.Run(server.BuildLoopAsync);
        server._previewLoop = Task.Run(server.PreviewLoopAsync);
        await server.RebuildAsync().ConfigureAwait(false);
        if (options.Watch)
        {
            server.StartWatching();
        }
        return server;
    }

    /// <summary>Asks for a rebuild and completes with the status of a build that started after the call.</summary>
    public Task<BuildStatus> RebuildAsync()
    {
        var waiter = new TaskCompletionSource<BuildStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add(waiter);
        }
        // Asked for by hand: the caller may have changed anything, so import and analyse again.
        Interlocked.Increment(ref _generation);
        _cache.DataChanged();
        _changes.Release();
        return waiter.Task;
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> fires (Ctrl+C), then stops cleanly.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        await DisposeAsync().ConfigureAwait(false);
    }

    private void StartWatching()
    {
        var build = _options.Build;
        var themes = SiteBuilder.ResolveThemesDir(build.ThemesDir);
        var output = Path.GetFullPath(build.OutputDir).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(output)!;
        var name = Path.GetFileName(output);
        var themeFolders = new[] { themes, Path.Combine(build.InputDir, "theme") }
            .Select(f => Path.GetFullPath(f).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar).ToList();
        _watcher = new SiteWatcher(
            [build.InputDir, themes],
            [output, Path.Combine(parent, "." + name + ".building"), Path.Combine(parent, "." + name + ".old"), build.ArchiveDir],
            path =>
            {
                Interlocked.Increment(ref _generation);
                // A theme edit re-renders from the archive and analysis in memory (the open pages first, then
                // the pages that use the edited file); anything else (listings, site.yml, topics.yml) imports again.
                if (!themeFolders.Any(f => path.StartsWith(f, StringComparison.Ordinal)))
                {
                    _cache.DataChanged();
                    _changes.Release();
                }
                else if (_options.PreviewFirst)
                {
                    // The preview loop renders the open pages, then asks for the full build.
                    _themeChanges.Release();
                }
                else
                {
                    _changes.Release();
                }
            });
    }

    private static (HttpListener Listener, string Url) Listen(string host, int port, string basePath)
    {
        var hostPart = host.Contains(':') ? "[" + host + "]" : host;
        for (var attempt = 0; ; attempt++)
        {
            var chosen = port != 0 ? port : FreePort(host);
            var listener = new HttpListener { IgnoreWriteExceptions = true };
            listener.Prefixes.Add($"http://{hostPart}:{chosen.ToString(CultureInfo.InvariantCulture)}/");
            try
            {
                listener.Start();
                return (listener, $"http://{hostPart}:{chosen.ToString(CultureInfo.InvariantCulture)}{basePath}");
            }
            catch (HttpListenerException) when (port == 0 && attempt < 5)
            {
                // Another process took the free port between probing and binding; probe again.
                listener.Close();
            }
        }
    }

    private static int FreePort(string host)
    {
        var probe = new TcpListener(IPAddress.TryParse(host, out var ip) ? ip : IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static Task<T> OwnThread<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static Task OwnThread(Action work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }

    // ---- building ----------------------------------------------------------------------------

    private async Task BuildLoopAsync()
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await WaitForQuietAsync(_changes, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            List<TaskCompletionSource<BuildStatus>> waiters;
            lock (_gate)
            {
                waiters = _waiters;
                _waiters = [];
            }
            // On a thread of its own: a build runs for seconds and must not hold one of the pool's threads,
            // which answer requests and the preview meanwhile.
            var status = await OwnThread(RunBuild).ConfigureAwait(false);
            if (status is null)
            {
                // Cancelled for a newer edit, whose build comes next: that one answers these callers.
                lock (_gate)
                {
                    _waiters.AddRange(waiters);
                }
                continue;
            }
            foreach (var waiter in waiters)
            {
                waiter.TrySetResult(status);
            }
        }
        lock (_gate)
        {
            foreach (var waiter in _waiters)
            {
                waiter.TrySetCanceled();
            }
            _waiters.Clear();
        }
    }

    /// <summary>Waits for a change, then for a quiet moment: editors write a file in several steps (bounded by <see cref="MaxDebounce"/>).</summary>
    private async Task WaitForQuietAsync(SemaphoreSlim changes, CancellationToken token)
    {
        await changes.WaitAsync(token).ConfigureAwait(false);
        var quietSince = Stopwatch.StartNew();
        while (quietSince.Elapsed < MaxDebounce && await changes.WaitAsync(_options.Debounce, token).ConfigureAwait(false))
        {
        }
        while (changes.CurrentCount > 0 && changes.Wait(0))
        {
        }
    }

    private async Task PreviewLoopAsync()
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await WaitForQuietAsync(_themeChanges, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            try
            {
                await OwnThread(RunPreview).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The full build that follows shows the change anyway (and reports any error properly).
                _log("preview failed (" + e.GetType().Name + ": " + e.Message + "); the full build follows");
            }
            _changes.Release();
        }
    }

    /// <summary>
    /// Renders the open pages of a theme edit in memory and serves them at once (see the class summary).
    /// Leaves everything as it is when the data changed too (the full build imports first).
    /// </summary>
    private void RunPreview()
    {
        var generation = Interlocked.Read(ref _generation);
        var clock = Stopwatch.StartNew();
        var plan = SiteBuilder.Plan(_options.Build with { Cache = _options.Build.Cache ?? _cache });
        if (plan.NeedsImport)
        {
            return;
        }
        var errors = plan.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        var open = OpenPages;
        PreviewOverlay? overlay = null;
        if (plan.Render is not null)
        {
            // Numbers only need to differ from the one a tab holds; a preview that fails leaves a gap.
            overlay = new PreviewOverlay(plan.Render, Interlocked.Increment(ref _lastSiteBuild), generation);
            var renderErrors = overlay.Prerender(open);
            if (renderErrors.Count > 0)
            {
                errors.AddRange(renderErrors);
                overlay = null;
            }
        }
        string message;
        lock (_gate)
        {
            var current = _served;
            if (_builtGeneration >= generation)
            {
                // A build that read the same files or newer ones finished first: it shows the edit already.
                return;
            }
            _previewGeneration = generation;
            if (overlay is null)
            {
                // The pages stay as they are and show the error at once; the full build that follows reports the same.
                _served = current with { Status = current.Status with { Ok = false, Errors = errors.Take(50).ToList(), Elapsed = clock.Elapsed } };
            }
            else
            {
                _served = new Served(new BuildStatus(overlay.SiteBuild, errors.Count == 0, errors.Take(50).ToList(), clock.Elapsed), overlay);
                // A full build of an older state is now only in the way (its pages would be thrown away):
                // stop it, so the build of this edit starts at once. (A preview with errors lets it finish:
                // its good site is better than none.)
                if (_running is { } running && running.Generation < generation)
                {
                    running.Cancel.Cancel();
                }
            }
            message = LiveReload.StatusJson(_served.Status, Instance);
        }
        Broadcast(message);
        var seconds = clock.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        var pages = open.Count.ToString(CultureInfo.InvariantCulture) + (open.Count == 1 ? " open page" : " open pages");
        _log(overlay is not null
            ? $"preview {overlay.SiteBuild.ToString(CultureInfo.InvariantCulture)}: {pages} rendered in {seconds}s, tabs reload; the full build follows"
            : $"preview found {errors.Count.ToString(CultureInfo.InvariantCulture)} errors in {seconds}s; still serving the last good site");
        foreach (var error in errors.Take(overlay is null ? 10 : 0))
        {
            _log("  " + error);
        }
    }

    /// <summary>Runs one full build and publishes its status; null when a newer edit cancelled it.</summary>
    private BuildStatus? RunBuild()
    {
        var generation = Interlocked.Read(ref _generation);
        using var cancel = new CancellationTokenSource();
        lock (_gate)
        {
            _running = (generation, cancel);
        }
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _buildDone, done);
        Interlocked.Increment(ref _buildSeq);
        var clock = Stopwatch.StartNew();
        BuildReport? report = null;
        Diagnostic? crash = null;
        var cancelled = false;
        try
        {
            report = _build(_options.Build with { Cache = _options.Build.Cache ?? _cache, Cancellation = cancel.Token });
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            cancelled = true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug or an I/O failure in the build must not take the preview down; show it like a template error.
            crash = Diagnostic.Error("paperarchive build", null, e.GetType().Name + ": " + e.Message);
        }
        finally
        {
            lock (_gate)
            {
                _running = null;
            }
            Interlocked.Increment(ref _buildSeq);
            done.TrySetResult();
        }
        if (cancelled)
        {
            _log($"build cancelled after {clock.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)}s: a newer edit is previewed; its build follows");
            return null;
        }
        // Data errors (a bad listing, a typo in site.yml) still publish what was good; theme errors do not.
        // Either way the errors go to the overlay.
        var published = report is { Published: true };
        var errors = crash is not null ? [crash] : Errors(report!);
        var preview = Overlay;
        // Read outside the lock: the few pages the preview rendered, compared with what was just published.
        var sameAsPreview = published && preview is not null && preview.Generation == generation && preview.SameAs(SiteDir);
        BuildStatus status;
        string message;
        var confirmed = false;
        lock (_gate)
        {
            var current = _served;
            var overlay = current.Overlay;
            int number;
            if (overlay is not null && overlay.Generation > generation)
            {
                // A newer edit is already shown from memory and its own build follows: keep showing it.
                number = overlay.SiteBuild;
            }
            else if (published && overlay is not null && ReferenceEquals(overlay, preview) && sameAsPreview)
            {
                // The site on disk is now what the open tabs already show: no second reload.
                number = overlay.SiteBuild;
                overlay = null;
                confirmed = true;
            }
            else if (published || overlay is not null)
            {
                // A new site on disk, or back to the last good one after a preview the build could not publish.
                number = Interlocked.Increment(ref _lastSiteBuild);
                overlay = null;
            }
            else
            {
                number = current.Status.SiteBuild;
            }
            // A preview newer than this build knows better whether the theme has errors.
            var shown = _previewGeneration > generation ? current.Status.Errors : errors;
            status = new BuildStatus(number, shown.Count == 0, shown, clock.Elapsed);
            _served = new Served(status, overlay);
            _builtGeneration = Math.Max(_builtGeneration, generation);
            message = LiveReload.StatusJson(status, Instance);
        }
        Broadcast(message);
        var seconds = clock.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        var count = status.Errors.Count.ToString(CultureInfo.InvariantCulture);
        _log(published
            ? $"build {status.SiteBuild.ToString(CultureInfo.InvariantCulture)}: {report!.Pages.ToString(CultureInfo.InvariantCulture)} pages in {seconds}s" + (status.Ok ? "" : $" with {count} errors") + Slowest(report) + (confirmed ? ", same as the preview" : "")
            : $"build failed in {seconds}s ({count} errors); still serving the last good site");
        foreach (var error in status.Errors.Take(10))
        {
            _log("  " + error);
        }
        return status;
    }

    /// <summary>" (render 1.20s, check 0.80s, search 0.31s)": where a rebuild's time went.</summary>
    private static string Slowest(BuildReport report) => report.Steps.Count == 0 ? "" :
        " (" + string.Join(", ", report.Steps.OrderByDescending(s => s.Elapsed).Take(3)
            .Select(s => s.Step + " " + s.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + "s")) + ")";

    private static IReadOnlyList<Diagnostic> Errors(BuildReport report)
    {
        var errors = report.Diagnostics.Where(d => d.Severity == Severity.Error).Take(50).ToList();
        return errors.Count > 0 || report.Published ? errors : [Diagnostic.Error("paperarchive build", null, "the build did not publish the site")];
    }

    // ---- serving -----------------------------------------------------------------------------

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            response.Headers["Cache-Control"] = "no-store";
            response.Headers["X-Content-Type-Options"] = "nosniff";
            var method = context.Request.HttpMethod;
            if (method is not ("GET" or "HEAD"))
            {
                response.Headers["Allow"] = "GET, HEAD";
                await SendAsync(context, 405, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes("method not allowed\n")).ConfigureAwait(false);
                return;
            }
            var raw = context.Request.RawUrl ?? "";
            var rawPath = raw.Split('?', 2)[0];
            if (rawPath == LiveReload.EventsPath)
            {
                await EventsAsync(context).ConfigureAwait(false);
                return;
            }
            if (rawPath == LiveReload.ScriptPath)
            {
                await SendAsync(context, 200, "text/javascript; charset=utf-8", Encoding.UTF8.GetBytes(LiveReload.Script)).ConfigureAwait(false);
                return;
            }
            if (rawPath == LiveReload.StatusPath)
            {
                await SendAsync(context, 200, "application/json; charset=utf-8", Encoding.UTF8.GetBytes(LiveReload.StatusJson(Status, Instance))).ConfigureAwait(false);
                return;
            }
            var request = RequestPath.Parse(raw, _options.BasePath);
            switch (request.Kind)
            {
                case RequestPathKind.BadRequest:
                    await SendAsync(context, 400, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes("bad request\n")).ConfigureAwait(false);
                    return;
                case RequestPathKind.RedirectToBase:
                    Redirect(response, _options.BasePath);
                    return;
                case RequestPathKind.OutsideBase:
                    await NotFoundAsync(context).ConfigureAwait(false);
                    return;
            }
            // The page is labelled with the build that was current before reading, never a newer one,
            // so a swap racing this request can only cause one extra reload, never a missed one.
            var served = Volatile.Read(ref _served);
            var status = served.Status;
            if (FromOverlay(served, PreviewOverlay.SitePath(request.Segments, request.TrailingSlash)) is { } preview)
            {
                await SendAsync(context, 200, ContentTypes.For(preview.Path), ContentTypes.IsHtml(preview.Path) ? LiveReload.Inject(preview.Bytes, preview.Status, Instance) : preview.Bytes).ConfigureAwait(false);
                return;
            }
            var (match, bytes) = await LoadAsync(request.Segments, request.TrailingSlash).ConfigureAwait(false);
            if (match.Kind == SiteFileMatchKind.AddSlash)
            {
                Redirect(response, rawPath + "/" + (raw.Length > rawPath.Length ? raw[rawPath.Length..] : ""));
                return;
            }
            if (bytes is null)
            {
                await NotFoundAsync(context).ConfigureAwait(false);
                return;
            }
            var file = match.File!;
            if (ContentTypes.IsHtml(file))
            {
                bytes = LiveReload.Inject(bytes, status, Instance);
            }
            await SendAsync(context, 200, ContentTypes.For(file), bytes).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            // The client went away, or the server is stopping.
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException or IOException)
            {
            }
        }
    }

    /// <summary>Finds and reads a file; a miss while a build may be swapping the site waits for the build and looks again.</summary>
    private async Task<(SiteFileMatch Match, byte[]? Bytes)> LoadAsync(IReadOnlyList<string> segments, bool trailingSlash)
    {
        for (var attempt = 0; ; attempt++)
        {
            var before = Volatile.Read(ref _buildSeq);
            var building = Volatile.Read(ref _buildDone).Task;
            var match = SiteFileLookup.Find(SiteDir, segments, trailingSlash);
            if (match.Kind == SiteFileMatchKind.AddSlash)
            {
                return (match, null);
            }
            if (match.File is not null)
            {
                try
                {
                    return (match, await File.ReadAllBytesAsync(match.File).ConfigureAwait(false));
                }
                catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
                {
                }
            }
            var after = Volatile.Read(ref _buildSeq);
            if (attempt >= 3 || (before == after && (after & 1) == 0))
            {
                return (SiteFileMatch.Missing, null);
            }
            await (building.IsCompleted ? Volatile.Read(ref _buildDone).Task : building).WaitAsync(_stop.Token).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The bytes of <paramref name="sitePath"/> from the preview overlay, or null when there is none or it does
    /// not cover the path. A template error found now (a page no tab had open) goes to the overlay page
    /// and the site on disk answers.
    /// </summary>
    private (string Path, byte[] Bytes, BuildStatus Status)? FromOverlay(Served served, string sitePath)
    {
        if (served.Overlay is not { } overlay || !overlay.Covers(sitePath))
        {
            return null;
        }
        try
        {
            return overlay.Get(sitePath) is { } bytes ? (sitePath, bytes, served.Status) : null;
        }
        catch (ThemeException e)
        {
            string message;
            lock (_gate)
            {
                var current = _served;
                if (!ReferenceEquals(current.Overlay, overlay) || current.Status.Errors.Contains(e.Diagnostic))
                {
                    return null;
                }
                _served = current with { Status = current.Status with { Ok = false, Errors = [.. current.Status.Errors, e.Diagnostic] } };
                message = LiveReload.StatusJson(_served.Status, Instance);
            }
            Broadcast(message);
            _log("preview: " + e.Diagnostic);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An asset removed since the preview: the site on disk answers.
            return null;
        }
    }

    private async Task NotFoundAsync(HttpListenerContext context)
    {
        var served = Volatile.Read(ref _served);
        var status = served.Status;
        if (FromOverlay(served, "404.html") is { } preview)
        {
            await SendAsync(context, 404, ContentTypes.For(preview.Path), LiveReload.Inject(preview.Bytes, preview.Status, Instance)).ConfigureAwait(false);
            return;
        }
        var (match, bytes) = await LoadAsync(["404.html"], false).ConfigureAwait(false);
        if (bytes is not null)
        {
            await SendAsync(context, 404, ContentTypes.For(match.File!), LiveReload.Inject(bytes, status, Instance)).ConfigureAwait(false);
        }
        else if (!status.Ok && !Directory.Exists(SiteDir))
        {
            await SendAsync(context, 503, "text/html; charset=utf-8", LiveReload.NoSitePage(status, Instance)).ConfigureAwait(false);
        }
        else
        {
            await SendAsync(context, 404, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes("not found\n")).ConfigureAwait(false);
        }
    }

    private static void Redirect(HttpListenerResponse response, string location)
    {
        response.StatusCode = 302;
        response.RedirectLocation = location;
        response.ContentLength64 = 0;
    }

    private static async Task SendAsync(HttpListenerContext context, int status, string contentType, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = body.Length;
        if (context.Request.HttpMethod != "HEAD")
        {
            await response.OutputStream.WriteAsync(body).ConfigureAwait(false);
        }
    }

    // ---- live reload events ------------------------------------------------------------------

    private async Task EventsAsync(HttpListenerContext context)
    {
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.SendChunked = true;
        var channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        // "?page=/repo/day/2024-06-03.html": the page this tab shows, rendered first on a theme edit.
        var page = context.Request.QueryString["page"] is { } shown && RequestPath.Parse(shown, _options.BasePath) is { Kind: RequestPathKind.Site } open
            ? PreviewOverlay.SitePath(open.Segments, open.TrailingSlash)
            : null;
        lock (_clients)
        {
            _clients[channel] = page;
        }
        try
        {
            // "retry" keeps reconnects quick after a restart; the first event is the current state.
            await WriteEventAsync(response, "retry: 500\n\n").ConfigureAwait(false);
            channel.Writer.TryWrite(LiveReload.StatusJson(Status, Instance));
            while (!_stop.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                wait.CancelAfter(Heartbeat);
                bool ready;
                try
                {
                    ready = await channel.Reader.WaitToReadAsync(wait.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!_stop.IsCancellationRequested)
                {
                    // A comment line keeps proxies from timing out and finds clients that went away.
                    await WriteEventAsync(response, ": ping\n\n").ConfigureAwait(false);
                    continue;
                }
                if (!ready)
                {
                    break;
                }
                while (channel.Reader.TryRead(out var message))
                {
                    await WriteEventAsync(response, "data: " + message + "\n\n").ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            lock (_clients)
            {
                _clients.Remove(channel);
            }
        }
    }

    private static async Task WriteEventAsync(HttpListenerResponse response, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        await response.OutputStream.FlushAsync().ConfigureAwait(false);
    }

    private void Broadcast(string message)
    {
        lock (_clients)
        {
            foreach (var client in _clients.Keys)
            {
                client.Writer.TryWrite(message);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }
        _watcher?.Dispose();
        await _stop.CancelAsync().ConfigureAwait(false);
        lock (_clients)
        {
            foreach (var client in _clients.Keys)
            {
                client.Writer.TryComplete();
            }
        }
        try
        {
            _listener.Stop();
            _listener.Close();
        }
        catch (ObjectDisposedException)
        {
        }
        // A build under way finishes (its staging folder is cleaned up), then the loops end.
        await Task.WhenAll(_acceptLoop, _buildLoop, _previewLoop).ConfigureAwait(false);
        _stop.Dispose();
        _changes.Dispose();
        _themeChanges.Dispose();
    }

    /// <summary>What a request reads, in one piece: the status and the overlay it belongs to.</summary>
    private sealed record Served(BuildStatus Status, PreviewOverlay? Overlay);
}
