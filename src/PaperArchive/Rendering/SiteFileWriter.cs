using System.Collections.Concurrent;
using System.Text;

namespace PaperArchive.Rendering;

/// <summary>
/// Writes the build's generated files (feeds, citation exports, search shards, assets, sitemaps) into
/// the staging folder, noting each file's hash for the <see cref="RenderManifest"/>. When the build
/// updates a published site in place (<see cref="PublishedSite"/> set), a file whose bytes hash the
/// same as the published copy's (<see cref="RenderManifest.Files"/>) is not written at all: a daily
/// build then writes, moves and deletes only what changed, not the site's hundred thousand files.
/// Thread-safe.
/// </summary>
public sealed class SiteFileWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    private readonly IReadOnlyDictionary<string, string>? _previous;
    private readonly ConcurrentDictionary<string, string> _hashes = new(StringComparer.Ordinal);
    private int _kept;

    /// <param name="stagingDir">Where new or changed files go.</param>
    /// <param name="publishedSite">The published site being updated in place, or null to write every file.</param>
    /// <param name="previous">Hashes of the published site's files, from its manifest.</param>
    public SiteFileWriter(string stagingDir, string? publishedSite = null, IReadOnlyDictionary<string, string>? previous = null)
    {
        StagingDir = stagingDir;
        PublishedSite = publishedSite;
        _previous = publishedSite is null ? null : previous;
    }

    public string StagingDir { get; }

    public string? PublishedSite { get; }

    /// <summary>Site path → hash of every file that went through this writer (kept or written).</summary>
    public IReadOnlyDictionary<string, string> Hashes => _hashes;

    /// <summary>Files left as they were in the published site.</summary>
    public int Kept => Volatile.Read(ref _kept);

    public void Write(string sitePath, string text) => Write(sitePath, Utf8NoBom.GetBytes(text));

    public void Write(string sitePath, ReadOnlySpan<byte> bytes)
    {
        var hash = PageFingerprint.Hash(bytes);
        _hashes[sitePath] = hash;
        if (Unchanged(sitePath, hash))
        {
            Interlocked.Increment(ref _kept);
            return;
        }
        var file = Path.Combine(StagingDir, sitePath);
        var dir = Path.GetDirectoryName(file)!;
        // Added only once created (by whichever thread ran the factory), so a thread that finds it can write.
        _folders.GetOrAdd(dir, d =>
        {
            Directory.CreateDirectory(d);
            return 0;
        });
        Common.FileBytes.Write(file, bytes);
    }

    // Folders created in staging (a folder holds hundreds of files: one mkdir each, not one per file).
    private readonly ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);

    /// <summary>Writes what <paramref name="write"/> streams.</summary>
    public void Write(string sitePath, Action<Stream> write)
    {
        // One buffer per thread, reused: tens of thousands of feeds and exports would otherwise each
        // grow a new one (the large ones on the large-object heap, which only a full GC frees).
        var buffer = t_buffer ??= new MemoryStream();
        buffer.SetLength(0);
        write(buffer);
        Write(sitePath, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        if (buffer.Capacity > MaxKeptBuffer)
        {
            t_buffer = null;
        }
    }

    private const int MaxKeptBuffer = 4 << 20;

    [ThreadStatic]
    private static MemoryStream? t_buffer;

    /// <summary>
    /// A file some other code already wrote into the staging folder: noted, and removed from staging
    /// again when the published copy is the same.
    /// </summary>
    public void Adopt(string sitePath)
    {
        var file = Path.Combine(StagingDir, sitePath);
        var hash = PageFingerprint.Hash(File.ReadAllBytes(file));
        _hashes[sitePath] = hash;
        if (Unchanged(sitePath, hash))
        {
            File.Delete(file);
            Interlocked.Increment(ref _kept);
        }
    }

    /// <summary>Keeps a published file without looking at its bytes (the caller knows they are current); false when it cannot.</summary>
    public bool Keep(string sitePath)
    {
        if (PublishedSite is null || _previous is null || !_previous.TryGetValue(sitePath, out var hash) || !IsPublished(sitePath))
        {
            return false;
        }
        _hashes[sitePath] = hash;
        Interlocked.Increment(ref _kept);
        return true;
    }

    private bool Unchanged(string sitePath, string hash) =>
        _previous is not null && _previous.TryGetValue(sitePath, out var before) && before == hash
        && IsPublished(sitePath);

    // Folder of the published site → names of the files in it, listed once (see IsPublished).
    private readonly ConcurrentDictionary<string, Lazy<HashSet<string>>> _published = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether the published site has the file (false without one). Each folder is listed once, by name: a daily build asks
    /// about every page and file of the site, and one stat each cost more than the rest of deciding that a page is unchanged
    /// (75,000 pages: ~0.8 s of CPU, against a few dozen folder listings).
    /// </summary>
    public bool IsPublished(string sitePath)
    {
        if (PublishedSite is null)
        {
            return false;
        }
        var slash = sitePath.LastIndexOf('/');
        var folder = slash < 0 ? "" : sitePath[..slash];
        var names = _published.GetOrAdd(folder, f => new Lazy<HashSet<string>>(() => ListFiles(f))).Value;
        return names.GetAlternateLookup<ReadOnlySpan<char>>().Contains(sitePath.AsSpan(slash + 1));
    }

    /// <summary>Lets go of the folder listings (<see cref="IsPublished"/> lists a folder again when asked about it).</summary>
    public void ForgetListings() => _published.Clear();

    private HashSet<string> ListFiles(string folder)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var entries = new System.IO.Enumeration.FileSystemEnumerable<string>(
                Path.Combine(PublishedSite!, folder),
                (ref System.IO.Enumeration.FileSystemEntry entry) => entry.FileName.ToString(),
                new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = 0 })
            {
                ShouldIncludePredicate = (ref System.IO.Enumeration.FileSystemEntry entry) => !entry.IsDirectory,
            };
            foreach (var name in entries)
            {
                names.Add(name);
            }
        }
        catch (Exception e) when (e is DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            // No such folder (or unreadable): none of its files are there to keep.
        }
        return names;
    }
}
