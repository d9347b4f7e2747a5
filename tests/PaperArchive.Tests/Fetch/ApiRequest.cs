namespace PaperArchive.Tests.Fetch;

/// <summary>One request the local server received; <see cref="Timestamp"/> is a Stopwatch timestamp.</summary>
internal sealed record ApiRequest(int Number, string Path, string? Date, string UserAgent, long Timestamp);
