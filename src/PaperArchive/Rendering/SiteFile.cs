namespace PaperArchive.Rendering;

/// <summary>A file written by code (feeds, robots.txt): <see cref="Write"/> streams its bytes (and leaves the stream open: the build reuses its buffers); it must be deterministic.</summary>
public sealed record SiteFile(string Path, Action<Stream> Write) : SiteOutput(Path);
