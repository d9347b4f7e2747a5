using System.Runtime.InteropServices;

namespace PaperArchive.Common;

/// <summary>
/// Puts an unchanged file from the published site into the staging folder without copying its bytes:
/// a hard link where the file system has them (the old site keeps its own name for the same bytes,
/// so it stays intact until the swap), else a copy. Never used on a file that will be written again.
/// </summary>
public static class HardLink
{
    public static void CreateOrCopy(string existing, string link)
    {
        if (!OperatingSystem.IsWindows() && Link(Utf8Z(existing), Utf8Z(link)) == 0)
        {
            return;
        }
        File.Copy(existing, link, overwrite: false);
    }

    private static byte[] Utf8Z(string path) => System.Text.Encoding.UTF8.GetBytes(path + "\0");

    // byte[] arguments are blittable (pinned, not converted), so no unsafe code or source generator is needed.
    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Link(byte[] oldPath, byte[] newPath);
}
