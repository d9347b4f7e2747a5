using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Archive;

/// <summary>
/// The archive as read back, with problems found. <see cref="UnreadableFiles"/> are pages that could not
/// be read completely (bad YAML, missing id, duplicate id): the writer leaves them untouched so that
/// nothing in them is lost. <see cref="PaperFiles"/> is where each paper's page was found (id →
/// archive-relative path), so the writer can move a page whose folder changed instead of duplicating it.
/// <see cref="Digest"/> is a SHA-256 over every archive page read (path and bytes).
/// </summary>
public sealed record ArchiveReadResult(ArchiveModel Archive, IReadOnlyList<Diagnostic> Diagnostics)
{
    public IReadOnlySet<string> UnreadableFiles { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> PaperFiles { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public string Digest { get; init; } = "";

    /// <summary>SHA-256 of each page read (archive-relative path); lets the writer skip unchanged pages without reading them again.</summary>
    internal IReadOnlyDictionary<string, byte[]> FileHashes { get; init; } = new Dictionary<string, byte[]>(StringComparer.Ordinal);

    /// <summary>The pages just read that parsed cleanly, to skip parsing them next time (see <see cref="ArchivePageCache"/>).</summary>
    public ArchivePageCache Cache { get; init; } = ArchivePageCache.Empty();

    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
