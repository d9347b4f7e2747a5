using System.Text;
using System.Text.RegularExpressions;

namespace PaperArchive.Common;

/// <summary>Writes that never leave a half-written file: write a temp file beside the target, then rename over it.</summary>
public static partial class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteAllText(string path, string contents) => WriteAllBytes(path, Utf8NoBom.GetBytes(contents));

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> contents)
    {
        using var file = new PendingFile(path);
        file.Stream.Write(contents);
        file.Commit();
    }

    /// <summary>Writes what <paramref name="write"/> streams (a file too large to hold twice in memory) the same way.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        using var file = new PendingFile(path);
        write(file.Stream);
        file.Commit();
    }

    /// <summary>A temp file beside the target: renamed over it by <see cref="Commit"/>, deleted when disposed without.</summary>
    private sealed class PendingFile : IDisposable
    {
        private readonly string _path;
        private readonly string _tmp;
        private bool _committed;

        public PendingFile(string path)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
            Directory.CreateDirectory(dir);
            _path = path;
            _tmp = Path.Combine(dir, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
            Stream = new FileStream(_tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        }

        public FileStream Stream { get; }

        public void Commit()
        {
            // No fsync: the rename is what keeps a killed run from leaving a half-written file
            // (the kernel's page cache survives SIGKILL, so rename-atomicity is enough for a killed
            // process; the kill drills in Reliability/ prove it). It is not enough for power loss or a
            // kernel crash, where a renamed file may come back empty; syncing each of thousands of
            // small pages cost seconds per import for that, and the archive is also kept in git.
            Stream.Flush(flushToDisk: false);
            Stream.Dispose();
            File.Move(_tmp, _path, overwrite: true);
            _committed = true;
        }

        public void Dispose()
        {
            if (_committed)
            {
                return;
            }
            Stream.Dispose();
            try
            {
                File.Delete(_tmp);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>
    /// Deletes the temp files (<c>.name.xxxxxxxx.tmp</c>) that a killed run left under <paramref name="dir"/>.
    /// Only for folders with one writer at a time (the archive): a concurrent writer's temp file would go too.
    /// Returns how many were removed.
    /// </summary>
    public static int RemoveLeftovers(string dir)
    {
        if (!Directory.Exists(dir))
        {
            return 0;
        }
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(dir, ".*.tmp", SearchOption.AllDirectories))
        {
            if (!LeftoverName().IsMatch(Path.GetFileName(file)))
            {
                continue;
            }
            try
            {
                File.Delete(file);
                removed++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }
        return removed;
    }

    [GeneratedRegex(@"^\..+\.[0-9a-f]{8}\.tmp$")]
    private static partial Regex LeftoverName();

    /// <summary>Writes only when the bytes differ, so unchanged files keep their timestamps. Returns true when written.</summary>
    public static bool WriteIfChanged(string path, string contents)
    {
        var bytes = Utf8NoBom.GetBytes(contents);
        if (File.Exists(path))
        {
            var existing = File.ReadAllBytes(path);
            if (existing.AsSpan().SequenceEqual(bytes))
            {
                return false;
            }
        }
        WriteAllBytes(path, bytes);
        return true;
    }
}
