using System.Text;

namespace PaperArchive.Common;

/// <summary>Writes that never leave a half-written file: write a temp file beside the target, then rename over it.</summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteAllText(string path, string contents) => WriteAllBytes(path, Utf8NoBom.GetBytes(contents));

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> contents)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            using (var fs = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                fs.Write(contents);
                // No fsync: the rename is what keeps a killed run from leaving a half-written file
                // (the kernel's page cache survives SIGKILL). Syncing each of thousands of small pages
                // cost seconds per import for protection only against power loss mid-run.
                fs.Flush(flushToDisk: false);
            }
            File.Move(tmp, path, overwrite: true);
        }
        catch
        {
            try { File.Delete(tmp); } catch (IOException) { }
            throw;
        }
    }

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
