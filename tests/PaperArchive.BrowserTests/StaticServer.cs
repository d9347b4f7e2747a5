using System.Net;
using System.Net.Sockets;

namespace PaperArchive.BrowserTests;

/// <summary>
/// A tiny loopback HTTP server for a built site, mounted under a path prefix (like a GitHub
/// project page at <c>/repo/</c>), so the tests prove the site works below the domain root.
/// Unknown paths get the site's 404.html with status 404, as GitHub Pages does.
/// </summary>
public sealed class StaticServer : IDisposable
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json",
        [".xml"] = "application/xml",
        [".txt"] = "text/plain; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
    };

    static StaticServer() => EnsureThreadHeadroom();

    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly string _prefix;
    private readonly Task _loop;

    public StaticServer(string root, string prefix = "/repo/")
    {
        _root = Path.GetFullPath(root);
        _prefix = prefix;
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}{prefix}";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>
    /// Playwright's client, this server and xunit's fixtures share the thread pool, whose minimum
    /// is the core count (2 here). In full parallel runs fixtures build whole sites on pool
    /// threads; without headroom the continuations that serve a page or report a navigation
    /// queued behind them, and keyboard-started navigations were seen to stall for 30–90 s.
    /// </summary>
    public static void EnsureThreadHeadroom()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
    }

    /// <summary>The site's URL, ending in '/'.</summary>
    public string BaseUrl { get; }

    public string Origin => BaseUrl[..(BaseUrl.Length - _prefix.Length + 1)];

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => Serve(context));
        }
    }

    private void Serve(HttpListenerContext context)
    {
        using var response = context.Response;
        try
        {
            var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
            string? file = null;
            if (path.StartsWith(_prefix, StringComparison.Ordinal))
            {
                var rel = path[_prefix.Length..];
                if (rel.Length == 0 || rel.EndsWith('/'))
                {
                    rel += "index.html";
                }
                var candidate = Path.GetFullPath(Path.Combine(_root, rel));
                if (candidate.StartsWith(_root, StringComparison.Ordinal) && File.Exists(candidate))
                {
                    file = candidate;
                }
            }
            if (file is null)
            {
                response.StatusCode = 404;
                file = Path.Combine(_root, "404.html");
                if (!File.Exists(file))
                {
                    return;
                }
            }
            response.ContentType = Types.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
            var bytes = File.ReadAllBytes(file);
            response.ContentLength64 = bytes.Length;
            response.OutputStream.Write(bytes);
        }
        catch (Exception e) when (e is HttpListenerException or IOException)
        {
            // The browser went away mid-response.
        }
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }
}
