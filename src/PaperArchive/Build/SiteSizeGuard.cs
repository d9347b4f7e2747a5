using System.Globalization;
using PaperArchive.Common;

namespace PaperArchive.Build;

/// <summary>
/// GitHub Pages refuses sites over 1 GB; a daily job that grows the archive would one day fail to
/// deploy with a vague error. The build measures the site instead and stops with a clear message
/// once it passes the budget from <c>site.yml</c> (<c>size_budget_mb</c>).
/// </summary>
public static class SiteSizeGuard
{
    public const long MegaByte = 1024L * 1024;

    /// <summary>The GitHub Pages limit: 1 GB.</summary>
    public const long PagesLimitBytes = 1024 * MegaByte;

    /// <summary>Total bytes of all files under <paramref name="siteDir"/>, and an error when that is over <paramref name="budgetBytes"/>.</summary>
    public static (long Bytes, Diagnostic? Error) Check(string siteDir, long budgetBytes) =>
        Check(Directory.Exists(siteDir) ? Directory.EnumerateFiles(siteDir, "*", SearchOption.AllDirectories) : [], siteDir, budgetBytes);

    /// <summary>The same for a site whose <paramref name="files"/> are spread over folders (a build updating a site in place); <paramref name="siteDir"/> names it in the error.</summary>
    public static (long Bytes, Diagnostic? Error) Check(IEnumerable<string> files, string siteDir, long budgetBytes)
    {
        var bytes = Measure(files);
        return (bytes, Check(bytes, siteDir, budgetBytes));
    }

    /// <summary>Total bytes of <paramref name="files"/> (a missing file counts nothing: a page that failed to render; the build will not publish anyway).</summary>
    public static long Measure(IEnumerable<string> files)
    {
        long bytes = 0;
        foreach (var file in files)
        {
            var info = new FileInfo(file);
            bytes += info.Exists ? info.Length : 0;
        }
        return bytes;
    }

    /// <summary>
    /// The size of a site updated in place, from the published site's size (<paramref name="publishedBytes"/>, over
    /// <paramref name="publishedPaths"/>) without measuring its hundred thousand files again: plus the staged files,
    /// minus the published copies they replace and the <paramref name="stale"/> files publishing deletes. Null when a
    /// published file it needs is gone (someone deleted it: its size is no longer known), and the caller measures.
    /// </summary>
    public static long? Update(long publishedBytes, IReadOnlySet<string> publishedPaths, string publishedSite, string stagingDir, IEnumerable<string> staged, IEnumerable<string> stale)
    {
        var bytes = publishedBytes;
        var known = true;
        long Old(string path)
        {
            if (!publishedPaths.Contains(path))
            {
                return 0;
            }
            var info = new FileInfo(Path.Combine(publishedSite, path));
            known &= info.Exists;
            return info.Exists ? info.Length : 0;
        }
        foreach (var path in staged)
        {
            if (path == Rendering.RenderManifest.RelativePath || path == StagingDirectory.JournalName)
            {
                continue;
            }
            bytes += new FileInfo(Path.Combine(stagingDir, path)).Length - Old(path);
        }
        foreach (var path in stale)
        {
            bytes -= Old(path);
        }
        return known ? bytes : null;
    }

    /// <summary>An error when <paramref name="bytes"/> is over <paramref name="budgetBytes"/>; <paramref name="siteDir"/> names the site.</summary>
    public static Diagnostic? Check(long bytes, string siteDir, long budgetBytes)
    {
        if (bytes <= budgetBytes)
        {
            return null;
        }
        var message = $"site is {Format(bytes)}, over the {Format(budgetBytes)} budget set in site.yml (size_budget_mb); GitHub Pages rejects sites over {Format(PagesLimitBytes)}";
        return Diagnostic.Error(siteDir, null, message);
    }

    /// <summary>"1.2 GB", "850 MB", "12.5 KB", "300 bytes" (binary units, as GitHub counts them; one decimal, invariant culture).</summary>
    public static string Format(long bytes)
    {
        static string One(double value) => value.ToString(value >= 100 || value == Math.Floor(value) ? "0" : "0.#", CultureInfo.InvariantCulture);
        return bytes switch
        {
            >= 1024 * MegaByte => $"{One(Math.Round(bytes / (double)(1024 * MegaByte), 1))} GB",
            >= MegaByte => $"{One(Math.Round(bytes / (double)MegaByte, 1))} MB",
            >= 1024 => $"{One(Math.Round(bytes / 1024.0, 1))} KB",
            _ => $"{bytes} bytes",
        };
    }
}
