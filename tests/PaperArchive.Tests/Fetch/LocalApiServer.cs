using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PaperArchive.Tests.Fetch;

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 (free port) that plays a script: the handler picks a
/// <see cref="ServerReply"/> per request, faults included. Written on a raw socket because
/// HttpListener cannot reset a connection or send a body shorter than its Content-Length.
/// One connection per request (Connection: close) keeps the faults independent.
/// </summary>
internal sealed class LocalApiServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Func<ApiRequest, ServerReply> handler;
    private readonly Task acceptLoop;
    private readonly ConcurrentBag<Task> connections = [];
    private int count;

    public LocalApiServer(Func<ApiRequest, ServerReply> handler)
    {
        this.handler = handler;
        listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        acceptLoop = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<ApiRequest> Requests { get; } = new();

    public IReadOnlyList<ApiRequest> RequestsFor(string date) => Requests.Where(r => r.Date == date).OrderBy(r => r.Number).ToList();

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }
            connections.Add(Task.Run(() => ServeAsync(client)));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = await ReadHeadAsync(stream);
                if (head is null)
                {
                    return;
                }
                var request = Parse(head, Interlocked.Increment(ref count));
                Requests.Enqueue(request);
                var reply = handler(request);
                if (reply.DelayBeforeHeaders > TimeSpan.Zero)
                {
                    await Task.Delay(reply.DelayBeforeHeaders, stop.Token);
                }
                if (reply.Reset)
                {
                    // Linger 0 makes close() send RST instead of FIN: the client sees "connection reset".
                    client.Client.LingerState = new LingerOption(true, 0);
                    client.Client.Close();
                    return;
                }
                var body = reply.Body;
                var sent = reply.SendBytes is int n ? body.AsMemory(0, Math.Min(n, body.Length)) : body.AsMemory();
                var headers = new StringBuilder();
                headers.Append("HTTP/1.1 ").Append(reply.Status).Append(' ').Append(Reason(reply.Status)).Append("\r\n");
                headers.Append("Content-Type: ").Append(reply.ContentType).Append("\r\n");
                if (reply.DeclareLength)
                {
                    headers.Append("Content-Length: ").Append(body.Length).Append("\r\n");
                }
                foreach (var (name, value) in reply.Headers)
                {
                    headers.Append(name).Append(": ").Append(value).Append("\r\n");
                }
                headers.Append("Connection: close\r\n\r\n");
                await stream.WriteAsync(Encoding.ASCII.GetBytes(headers.ToString()), stop.Token);
                if (reply.Chunks <= 1)
                {
                    await stream.WriteAsync(sent, stop.Token);
                }
                else
                {
                    var size = (sent.Length + reply.Chunks - 1) / reply.Chunks;
                    for (var offset = 0; offset < sent.Length; offset += size)
                    {
                        await stream.WriteAsync(sent.Slice(offset, Math.Min(size, sent.Length - offset)), stop.Token);
                        await stream.FlushAsync(stop.Token);
                        await Task.Delay(reply.ChunkDelay, stop.Token);
                    }
                }
                await stream.FlushAsync(stop.Token);
                client.Client.Shutdown(SocketShutdown.Send);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away (timeout, kill): nothing to do.
            }
        }
    }

    private static async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new byte[8192];
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(total));
            if (read == 0)
            {
                return null;
            }
            total += read;
            var text = Encoding.ASCII.GetString(buffer, 0, total);
            if (text.Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                return text;
            }
        }
        return null;
    }

    private static ApiRequest Parse(string head, int number)
    {
        var lines = head.Split("\r\n");
        var target = lines[0].Split(' ')[1];
        var query = target.Contains('?') ? target[(target.IndexOf('?') + 1)..] : "";
        var date = query.Split('&').Select(p => p.Split('=', 2)).Where(p => p[0] == "date" && p.Length == 2).Select(p => Uri.UnescapeDataString(p[1])).FirstOrDefault();
        var headers = lines.Skip(1).Where(l => l.Contains(':')).ToDictionary(l => l[..l.IndexOf(':')].Trim(), l => l[(l.IndexOf(':') + 1)..].Trim(), StringComparer.OrdinalIgnoreCase);
        return new ApiRequest(number, target[..(target.IndexOf('?') is var q and >= 0 ? q : target.Length)], date, headers.GetValueOrDefault("User-Agent") ?? "", Stopwatch.GetTimestamp());
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    };

    public async ValueTask DisposeAsync()
    {
        stop.Cancel();
        listener.Stop();
        await acceptLoop;
        await Task.WhenAll(connections);
        stop.Dispose();
    }
}
