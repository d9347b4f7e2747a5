using System.Net;
using System.Net.Http.Headers;

namespace PaperArchive.Fetch;

/// <summary>
/// How long to wait before the next attempt: the server's <c>Retry-After</c> (seconds or an HTTP
/// date) when it sent one, otherwise exponential backoff with jitter so that many forks started by
/// the same cron minute don't retry in lockstep.
/// </summary>
public sealed class RetryPolicy(FetchOptions options, Random random)
{
    /// <summary>Whether an HTTP status is worth another attempt: 408, 429 and 5xx are transient; other 4xx are not.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>The wait before attempt <paramref name="nextAttempt"/> (2 = first retry).</summary>
    public TimeSpan Backoff(int nextAttempt)
    {
        var exponent = Math.Clamp(nextAttempt - 2, 0, 30);
        var baseMs = Math.Min(options.MaxBackoff.TotalMilliseconds, options.InitialBackoff.TotalMilliseconds * Math.Pow(2, exponent));
        // Up to +50% jitter; never below the plain backoff, never above MaxBackoff.
        var jittered = baseMs * (1 + (random.NextDouble() * 0.5));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, Math.Max(baseMs, options.MaxBackoff.TotalMilliseconds)));
    }

    /// <summary>The server's requested wait, or null when it sent none (or one in the past).</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset nowUtc)
    {
        if (header is null)
        {
            return null;
        }
        if (header.Delta is TimeSpan delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }
        if (header.Date is DateTimeOffset date)
        {
            var wait = date - nowUtc;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }
}
