using System.Buffers;
using System.Text;

namespace PaperArchive.Common;

/// <summary>
/// Writes a whole file in one system call, without a <see cref="FileStream"/> and its buffers: a build writes
/// a hundred thousand files, and per file a buffered stream (and a 64 K-char writer) costs more than the bytes.
/// Not atomic (see <see cref="AtomicFile"/>): for files in a staging folder that is published as a whole.
/// </summary>
public static class FileBytes
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    /// <summary>Creates or truncates <paramref name="path"/> and writes <paramref name="bytes"/>.</summary>
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        using var handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.None);
        RandomAccess.Write(handle, bytes, 0);
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark.</summary>
    public static void WriteUtf8(string path, string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Utf8NoBom.GetMaxByteCount(text.Length));
        try
        {
            var length = Utf8NoBom.GetBytes(text, buffer);
            Write(path, buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
