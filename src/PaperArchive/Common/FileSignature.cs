using System.Runtime.InteropServices;

namespace PaperArchive.Common;

/// <summary>
/// What the file system says about a file without reading it — device, inode, size, modification and
/// status-change times (nanoseconds) — as git's index keeps it, so a cache can tell "this file is still
/// the one I hashed" from one <c>statx</c> call instead of reading and hashing the bytes.
/// <para>Every way of changing a file's bytes changes one of these: writing in place moves the status-change
/// time (ctime), which unlike the modification time no tool can set back (<c>touch -d</c>, <c>cp -p</c>,
/// <c>rsync -t</c>, <c>tar x</c> restore mtime only); replacing a file gives another inode or ctime. The one
/// gap is an edit within the file system's timestamp granularity of the moment the signature was taken:
/// <see cref="IsSettled"/> says whether a signature is old enough to be trusted at all.</para>
/// <para>Linux only (the <c>statx</c> layout is the same on every Linux architecture); elsewhere, or when the
/// call is unavailable, <see cref="TryGet"/> returns false and callers read the file as before.</para>
/// </summary>
public readonly record struct FileSignature(ulong Device, ulong Inode, long Size, long ModifiedNs, long ChangedNs)
{
    /// <summary>A change within this time of taking a signature may not show in it (coarse timestamps, clock steps).</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(2);

    private static bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>The signature of the regular file at <paramref name="path"/> (not following a symlink); false when unknown.</summary>
    public static bool TryGet(string path, out FileSignature signature)
    {
        signature = default;
        if (_unavailable)
        {
            return false;
        }
        int result;
        Statx buffer;
        try
        {
            result = statx(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, out buffer);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // No glibc statx (musl, very old glibc): callers fall back to reading files.
            _unavailable = true;
            return false;
        }
        const uint needed = StatxMtime | StatxCtime | StatxIno | StatxSize | StatxType;
        if (result != 0 || (buffer.Mask & needed) != needed || (buffer.Mode & 0xF000) != 0x8000)
        {
            return false;
        }
        signature = new FileSignature(
            ((ulong)buffer.DevMajor << 32) | buffer.DevMinor,
            buffer.Ino,
            (long)buffer.Size,
            buffer.MtimeSec * 1_000_000_000 + buffer.MtimeNsec,
            buffer.CtimeSec * 1_000_000_000 + buffer.CtimeNsec);
        return true;
    }

    /// <summary>
    /// Whether the file had not changed for <see cref="SettleTime"/> when the signature was taken at
    /// <paramref name="takenAt"/> (read just before the <c>statx</c> call): only then does a later change of
    /// its bytes certainly show as another signature. A file changed just now may be changed again within
    /// the same timestamp tick, so its signature is not remembered (it is read and hashed next time).
    /// </summary>
    public bool IsSettled(DateTimeOffset takenAt)
    {
        var limit = (takenAt - SettleTime).ToUnixTimeMilliseconds() * 1_000_000;
        return ChangedNs < limit && ModifiedNs < limit;
    }

    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const uint StatxMtime = 0x40;
    private const uint StatxCtime = 0x80;
    private const uint StatxIno = 0x100;
    private const uint StatxSize = 0x200;
    private const uint StatxBasicStats = 0x7ff;

    [DllImport("libc", SetLastError = false)]
#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code for the out struct; this is blittable.
    private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, out Statx buffer);
#pragma warning restore SYSLIB1054

    /// <summary><c>struct statx</c> from linux/stat.h: 256 bytes, same layout on every architecture.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct Statx
    {
        [FieldOffset(0)] public uint Mask;
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(32)] public ulong Ino;
        [FieldOffset(40)] public ulong Size;
        [FieldOffset(96)] public long CtimeSec;
        [FieldOffset(104)] public uint CtimeNsec;
        [FieldOffset(112)] public long MtimeSec;
        [FieldOffset(120)] public uint MtimeNsec;
        [FieldOffset(136)] public uint DevMajor;
        [FieldOffset(140)] public uint DevMinor;
    }
}
