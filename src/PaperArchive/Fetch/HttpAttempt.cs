using System.Net;
using System.Net.Http.Headers;

namespace PaperArchive.Fetch;

/// <summary>
/// One request to the API: either an HTTP answer (<see cref="Status"/>, <see cref="Body"/>) or a
/// transport failure (<see cref="Error"/>: timeout, reset, truncated body). <see cref="Body"/> is
/// the response exactly as received (after content decoding).
/// </summary>
public sealed record HttpAttempt(HttpStatusCode? Status, byte[]? Body, RetryConditionHeaderValue? RetryAfter, string? Error)
{
    public static HttpAttempt Failed(string error) => new(null, null, null, error);

    /// <summary>"HTTP 503", "timed out after 30 s", "connection reset by the server".</summary>
    public string Describe() => Error ?? $"HTTP {(int)Status!.Value}";
}
