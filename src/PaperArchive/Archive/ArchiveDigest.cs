using System.Security.Cryptography;
using System.Text;

namespace PaperArchive.Archive;

/// <summary>SHA-256 over (archive-relative path, SHA-256 of bytes) pairs in ordinal path order.</summary>
internal static class ArchiveDigest
{
    public static string Compute(IEnumerable<KeyValuePair<string, byte[]>> fileHashes)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, hash) in fileHashes.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(path));
            sha.AppendData([0]);
            sha.AppendData(hash);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Every file the archive stage owns: pages under papers/ and days/, and README.md. Topic pages and state are not ours.</summary>
    public static IEnumerable<string> OwnedFiles(string dir)
    {
        foreach (var sub in new[] { ArchiveLayout.PapersDir, ArchiveLayout.DaysDir })
        {
            var root = Path.Combine(dir, sub);
            if (!Directory.Exists(root))
            {
                continue;
            }
            foreach (var file in Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories))
            {
                if (!Path.GetFileName(file).StartsWith('.'))
                {
                    yield return Path.GetRelativePath(dir, file).Replace('\\', '/');
                }
            }
        }
    }
}
