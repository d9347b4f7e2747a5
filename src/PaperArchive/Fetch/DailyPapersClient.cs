using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace PaperArchive.Fetch;

/// <summary>
/// Makes single requests to <c>GET {base}/api/daily_papers?date=YYYY-MM-DD</c>. No retries here
/// (<see cref="ListingFetcher"/> decides those); every failure comes back as an <see cref="HttpAttempt"/>,
/// never as an exception, except cancellation by the caller.
/// </summary>
public sealed class DailyPapersClient : IDisposable
{
    private readonly HttpClient http;
    private readonly FetchOptions options;

    /// <param name="handler">Tests pass their own; by default a <see cref="SocketsHttpHandler"/> with decompression and a connect timeout.</param>
    public DailyPapersClient(FetchOptions options, HttpMessageHandler? handler = null)
    {
        this.options = options;
        handler ??= CreateHandler(options);
        http = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = options.BaseAddress,
            // Each request gets its own deadline (body included) from options.RequestTimeout.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        // Without validation: a repository name with unusual characters must not stop the fetch.
        http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public static SocketsHttpHandler CreateHandler(FetchOptions options) => new()
    {
        AutomaticDecompression = DecompressionMethods.All,
        ConnectTimeout = options.RequestTimeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AllowAutoRedirect = true,
        MaxAutomaticRedirections = 5,
        MaxConnectionsPerServer = 1,
    };

    public static string RelativeUrl(DateOnly day) =>
        "api/daily_papers?date=" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<HttpAttempt> GetAsync(DateOnly day, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.RequestTimeout);
        try
        {
            using var response = await http.GetAsync(RelativeUrl(day), HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            var declared = response.Content.Headers.ContentLength;
            if (declared > options.MaxResponseBytes)
            {
                return new HttpAttempt(response.StatusCode, null, response.Headers.RetryAfter, $"response of {declared} bytes is larger than the {options.MaxResponseBytes} byte limit");
            }
            var body = await ReadLimitedAsync(response.Content, deadline.Token).ConfigureAwait(false);
            if (body is null)
            {
                return HttpAttempt.Failed($"response is larger than the {options.MaxResponseBytes} byte limit");
            }
            return new HttpAttempt(response.StatusCode, body, response.Headers.RetryAfter, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HttpAttempt.Failed($"timed out after {options.RequestTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s");
        }
        catch (HttpRequestException ex)
        {
            return HttpAttempt.Failed(Describe(ex));
        }
        catch (IOException ex)
        {
            return HttpAttempt.Failed(Describe(ex));
        }
    }

    private async Task<byte[]?> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > options.MaxResponseBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>A short reason for a transport failure, from the innermost socket error when there is one.</summary>
    private static string Describe(Exception ex)
    {
        for (var inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.ConnectionReset => "connection reset by the server",
                    SocketError.ConnectionRefused => "connection refused",
                    SocketError.HostNotFound or SocketError.NoData => "host not found",
                    SocketError.TimedOut => "connection timed out",
                    _ => $"network error ({socket.SocketErrorCode})",
                };
            }
        }
        if (ex is HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } || ex is HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded })
        {
            return "connection closed before the whole response arrived";
        }
        var inner2 = ex;
        while (inner2.InnerException is not null)
        {
            inner2 = inner2.InnerException;
        }
        return "network error: " + inner2.Message.TrimEnd('.');
    }

    public void Dispose() => http.Dispose();
}
