namespace PaperArchive.Rendering;

/// <summary>A file written by code (feeds, robots.txt): <see cref="Write"/> streams its bytes (and leaves the stream open: the build reuses its buffers); it must be deterministic.</summary>
public sealed record SiteFile(string Path, Action<Stream> Write) : SiteOutput(Path)
{
    /// <summary>
    /// Optional: a key covering everything <see cref="Write"/> reads (usually <see cref="PageFingerprint.Key"/> of the
    /// same values the writer is given). When the published site's manifest holds the same key for this path, an
    /// in-place build keeps the published file without generating it again; without a key the file is generated
    /// and kept only when its bytes come out the same. A key that misses an input would keep a stale file, so
    /// build it from the very values handed to the writer.
    /// </summary>
    public Func<PageFingerprint, string>? Key { get; init; }
}
