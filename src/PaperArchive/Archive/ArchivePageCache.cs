using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Archive;

/// <summary>
/// Archive pages already parsed, by path, SHA-256 of their bytes and file signature: reading a
/// 20,000-paper archive parses only the pages whose bytes changed since the cache was written, and reads
/// (and hashes) only the pages whose <see cref="FileSignature"/> changed, instead of every page.
/// The build keeps it beside its manifest (<c>site/.paperarchive/</c>, carried between runs with the
/// site); it is only ever a shortcut — a page whose signature or hash differs, or a damaged or missing
/// cache file, is read as usual, and only pages that parsed without a diagnostic are remembered.
/// <para>Two files (see <see cref="ArchivePageCacheFile"/>): the whole cache, and beside it a small delta
/// of what changed since (<see cref="DeltaFileName"/>). An incremental build that read a few new pages
/// writes only the delta instead of 30 MB; once the delta grows past a tenth of the cache the whole
/// cache is written again and the delta removed.</para>
/// </summary>
public sealed class ArchivePageCache
{
    /// <summary>File name of the cache inside the site's build-state folder.</summary>
    public const string FileName = "archive-pages.bin";

    /// <summary>The delta written beside <see cref="FileName"/>; it names the cache file it applies to.</summary>
    public const string DeltaFileName = "archive-pages.delta.bin";

    private readonly Dictionary<string, Entry> _entries;

    // The cache file these entries started from: a save writes only what differs from it.
    private readonly ArchivePageCacheFile.Loaded? _base;

    private ArchivePageCache(Dictionary<string, Entry> entries, ArchivePageCacheFile.Loaded? baseFile) =>
        (_entries, _base) = (entries, baseFile);

    public static ArchivePageCache Empty() => new(new Dictionary<string, Entry>(StringComparer.Ordinal), null);

    public int Count => _entries.Count;

    /// <summary>The page parsed when its bytes hashed to <paramref name="sha256"/> (lower-case hex), if remembered.</summary>
    internal bool TryGet(string path, string sha256, out Paper? paper, out DayListing? day)
    {
        if (_entries.TryGetValue(path, out var entry) && Convert.ToHexStringLower(entry.Sha256) == sha256)
        {
            (paper, day) = (entry.Paper, entry.Day);
            return true;
        }
        (paper, day) = (null, null);
        return false;
    }

    /// <summary>What is remembered for <paramref name="path"/>, whatever its bytes are now.</summary>
    internal Entry? Find(string path) => _entries.GetValueOrDefault(path);

    /// <summary>A cache of the pages just read (clean ones only), remembering which file it came from.</summary>
    internal ArchivePageCache With(IEnumerable<(string Path, Entry Entry)> pages) =>
        new(pages.ToDictionary(p => p.Path, p => p.Entry, StringComparer.Ordinal), _base);

    /// <summary>A cache of these pages (clean ones only); <paramref name="pages"/>' hashes are lower-case hex.</summary>
    internal static ArchivePageCache From(IEnumerable<(string Path, string Sha256, Paper? Paper, DayListing? Day)> pages) =>
        new(pages.Where(p => p.Paper is not null || p.Day is not null)
            .ToDictionary(p => p.Path, p => new Entry(Convert.FromHexString(p.Sha256), null, p.Paper, p.Day), StringComparer.Ordinal), null);

    /// <summary>The cache in <paramref name="file"/> (and its delta); empty when there is none or it cannot be read.</summary>
    public static ArchivePageCache Load(string file)
    {
        try
        {
            if (!File.Exists(file))
            {
                return Empty();
            }
            var loaded = ArchivePageCacheFile.Read(file, DeltaPath(file));
            return loaded is null ? Empty() : new ArchivePageCache(loaded.Current, loaded);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException or OverflowException or InvalidOperationException or IndexOutOfRangeException)
        {
            return Empty();
        }
    }

    /// <summary>
    /// Writes the cache atomically: only the delta against the cache file it was loaded from when that
    /// file is unchanged and the delta small, else the whole cache (entries in path order, so the same
    /// pages give the same bytes).
    /// </summary>
    public void Save(string file)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(file))!;
        Directory.CreateDirectory(dir);
        var delta = DeltaPath(file);
        if (_base is not null && _base.StillOnDisk(file))
        {
            var changed = _entries.Where(kv => !(_base.Entries.TryGetValue(kv.Key, out var b) && ReferenceEquals(b, kv.Value)))
                .OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
            var removed = _base.Entries.Keys.Where(k => !_entries.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
            if (changed.Count + removed.Count <= Math.Max(256, _base.Entries.Count / 10))
            {
                if (changed.Count + removed.Count == 0)
                {
                    DeleteIfExists(delta);
                }
                else
                {
                    AtomicFile.WriteAllBytes(delta, ArchivePageCacheFile.WriteDelta(_base.Checksum, changed, removed));
                }
                return;
            }
        }
        // The delta names the old file's checksum, so a delta left behind by a failed delete is never applied to the new file.
        AtomicFile.Write(file, stream => ArchivePageCacheFile.Write(stream, _entries.OrderBy(kv => kv.Key, StringComparer.Ordinal)));
        DeleteIfExists(delta);
        // The JSON cache of earlier versions, never read again.
        DeleteIfExists(Path.Combine(dir, "archive-pages.json"));
    }

    private static string DeltaPath(string file) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, DeltaFileName);

    private static void DeleteIfExists(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <param name="Sha256">SHA-256 of the page's bytes.</param>
    /// <param name="Signature">The page's file signature when its bytes were hashed, if it had settled then
    /// (<see cref="FileSignature.IsSettled"/>): while the file still has it, its bytes are these.</param>
    internal sealed record Entry(byte[] Sha256, FileSignature? Signature, Paper? Paper, DayListing? Day);
}
