namespace PaperArchive.Rendering;

/// <summary>A file written by code (feeds, robots.txt): <see cref="Write"/> streams its bytes; it must be deterministic.</summary>
public sealed record SiteFile(string Path, Action<Stream> Write) : SiteOutput(Path);
