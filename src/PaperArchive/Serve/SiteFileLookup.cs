namespace PaperArchive.Serve;

/// <summary>
/// Maps checked <see cref="RequestPath"/> segments to a file under the site root. A folder URL
/// serves its <c>index.html</c>; a folder named without its slash redirects. Every component is
/// checked for symbolic links: one whose target leaves the root is treated as missing.
/// </summary>
public static class SiteFileLookup
{
    public static SiteFileMatch Find(string root, IReadOnlyList<string> segments, bool trailingSlash)
    {
        var rootFull = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        if (!Directory.Exists(rootFull))
        {
            return SiteFileMatch.Missing;
        }
        var realRoot = RealPath(rootFull);
        var current = rootFull;
        foreach (var segment in segments)
        {
            current = Path.Combine(current, segment);
            if (!Inside(Path.GetFullPath(current), rootFull) || !Contained(current, realRoot))
            {
                return SiteFileMatch.Missing;
            }
        }
        if (Directory.Exists(current))
        {
            if (!trailingSlash && segments.Count > 0)
            {
                return new SiteFileMatch(SiteFileMatchKind.AddSlash, null);
            }
            var index = Path.Combine(current, "index.html");
            return File.Exists(index) && Contained(index, realRoot) ? new SiteFileMatch(SiteFileMatchKind.File, index) : SiteFileMatch.Missing;
        }
        return File.Exists(current) && !trailingSlash ? new SiteFileMatch(SiteFileMatchKind.File, current) : SiteFileMatch.Missing;
    }

    private static bool Inside(string path, string root) =>
        path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || path == root;

    /// <summary>True when <paramref name="path"/> is missing or not a link, or its final target is under the real root.</summary>
    private static bool Contained(string path, string realRoot)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (!info.Exists || info.LinkTarget is null)
        {
            return true;
        }
        var target = info.ResolveLinkTarget(returnFinalTarget: true);
        return target is not null && Inside(RealPath(target.FullName), realRoot);
    }

    /// <summary>The path with every linked component resolved (the site root itself may sit behind a link, e.g. /tmp on macOS).</summary>
    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.Exists && info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                if (target is not null)
                {
                    current = RealPath(target.FullName);
                }
            }
        }
        return current.TrimEnd(Path.DirectorySeparatorChar);
    }
}
