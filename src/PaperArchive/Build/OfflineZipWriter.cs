using System.IO.Compression;
using PaperArchive.Rendering;

namespace PaperArchive.Build;

/// <summary>
/// The whole site as one zip to download and read from disk (<c>paperarchive build --zip</c>): every
/// file under the site except the <c>offline/</c> folder (the zip itself), inside one top folder, so
/// unzipping gives <c>&lt;folder&gt;/index.html</c>. Deterministic: entries in ordinal path order, one
/// fixed timestamp, fixed permissions — the same site gives the same bytes.
/// </summary>
public static class OfflineZipWriter
{
    public const string DefaultFolder = "paperarchive";

    /// <summary>Every entry's time (ZIP stores local DOS time; a fixed value keeps the bytes stable).</summary>
    public static readonly DateTimeOffset Timestamp = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Writes <paramref name="zipPath"/> from <paramref name="siteDir"/> and returns the number of files stored.</summary>
    public static int Write(string siteDir, string zipPath, string folder = DefaultFolder)
    {
        var root = Path.GetFullPath(siteDir);
        return Write(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(root, f).Replace('\\', '/'), f)), zipPath, folder);
    }

    /// <summary>The same from a list of (site path, file) pairs: a build updating a site in place has its files in two folders.</summary>
    public static int Write(IEnumerable<(string Path, string File)> siteFiles, string zipPath, string folder = DefaultFolder)
    {
        var skip = Path.GetDirectoryName(SiteUrls.OfflineZip)!.Replace('\\', '/') + "/";
        var files = siteFiles
            .Where(f => !f.Path.StartsWith(skip, StringComparison.Ordinal))
            // Build state (.paperarchive/manifest.json) is not part of what a reader opens.
            .Where(f => !f.Path.Split('/').Any(segment => segment.StartsWith('.')))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(zipPath))!);
        var tmp = zipPath + ".tmp";
        using (var stream = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            foreach (var (rel, file) in files)
            {
                var entry = zip.CreateEntry(folder + "/" + rel, CompressionLevel.Optimal);
                entry.LastWriteTime = Timestamp;
                // Regular file, rw-r--r-- (upper 16 bits are the Unix mode).
                entry.ExternalAttributes = unchecked((int)0x81A40000);
                using var target = entry.Open();
                using var source = File.OpenRead(file);
                source.CopyTo(target);
            }
        }
        File.Move(tmp, zipPath, overwrite: true);
        return files.Count;
    }
}
