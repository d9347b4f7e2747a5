using System.Text;

namespace PaperArchive.Tests.Fetch;

/// <summary>What the local server does with one request: a normal answer or a fault.</summary>
internal sealed record ServerReply
{
    public int Status { get; init; } = 200;
    public byte[] Body { get; init; } = [];
    public string ContentType { get; init; } = "application/json; charset=utf-8";
    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];
    public TimeSpan DelayBeforeHeaders { get; init; }
    public bool Reset { get; init; }

    /// <summary>Send only this many body bytes, then close.</summary>
    public int? SendBytes { get; init; }

    /// <summary>Send a Content-Length header for the whole body (false: the body ends when the connection closes).</summary>
    public bool DeclareLength { get; init; } = true;

    public int Chunks { get; init; } = 1;
    public TimeSpan ChunkDelay { get; init; }

    public static ServerReply Json(byte[] body) => new() { Body = body };

    public static ServerReply Json(string body) => new() { Body = Encoding.UTF8.GetBytes(body) };

    public static ServerReply Error(int status, string text = "error") => new() { Status = status, Body = Encoding.UTF8.GetBytes(text), ContentType = "text/plain" };

    public static ServerReply Html(string html) => new() { Body = Encoding.UTF8.GetBytes(html), ContentType = "text/html; charset=utf-8" };

    public static ServerReply ConnectionReset() => new() { Reset = true };
}
