using System.Net;
using System.Net.Http.Headers;
using PaperArchive.Fetch;

namespace PaperArchive.Tests.Fetch;

public sealed class RetryPolicyTests
{
    private static readonly FetchOptions Options = new() { InitialBackoff = TimeSpan.FromSeconds(2), MaxBackoff = TimeSpan.FromSeconds(60) };

    [Fact]
    public void Backoff_doubles_with_up_to_half_again_of_jitter_and_stops_at_the_maximum()
    {
        var policy = new RetryPolicy(Options, new Random(42));
        double[] plain = [2, 4, 8, 16, 32, 60, 60];
        for (var i = 0; i < plain.Length; i++)
        {
            var wait = policy.Backoff(i + 2).TotalSeconds;
            Assert.InRange(wait, plain[i], Math.Min(plain[i] * 1.5, 60));
        }
    }

    [Fact]
    public void Same_seed_same_waits()
    {
        var a = new RetryPolicy(Options, new Random(7));
        var b = new RetryPolicy(Options, new Random(7));

        Assert.Equal(Enumerable.Range(2, 5).Select(a.Backoff), Enumerable.Range(2, 5).Select(b.Backoff));
    }

    [Fact]
    public void Retry_after_seconds_and_http_date_are_both_honoured()
    {
        var now = new DateTimeOffset(2026, 7, 7, 6, 17, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromSeconds(120), RetryPolicy.RetryAfter(RetryConditionHeaderValue.Parse("120"), now));
        Assert.Equal(TimeSpan.FromSeconds(90), RetryPolicy.RetryAfter(RetryConditionHeaderValue.Parse("Tue, 07 Jul 2026 06:18:30 GMT"), now));
        Assert.Equal(TimeSpan.Zero, RetryPolicy.RetryAfter(RetryConditionHeaderValue.Parse("Tue, 07 Jul 2026 06:00:00 GMT"), now));
        Assert.Null(RetryPolicy.RetryAfter(null, now));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    public void Only_transient_statuses_are_retried(HttpStatusCode status, bool transient) =>
        Assert.Equal(transient, RetryPolicy.IsTransient(status));
}
