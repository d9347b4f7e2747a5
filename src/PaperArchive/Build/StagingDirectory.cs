namespace PaperArchive.Build;

/// <summary>
/// A build folder beside the output (<c>.site.building</c>). <see cref="Publish"/> swaps it in place
/// of the output (old site moved aside, then deleted); <see cref="PublishInPlace"/> moves the changed
/// files it holds into the output instead (a daily build of a large site); disposing without publishing deletes it, so
/// a failed or interrupted build leaves the previous site untouched.
/// </summary>
public sealed class StagingDirectory : IDisposable
{
    private readonly string _output;
    private bool _published;

    private StagingDirectory(string output, string path)
    {
        _output = output;
        Path = path;
    }

    public string Path { get; }

    public static StagingDirectory Create(string outputDir)
    {
        var output = System.IO.Path.GetFullPath(outputDir).TrimEnd(System.IO.Path.DirectorySeparatorChar);
        var parent = System.IO.Path.GetDirectoryName(output)!;
        var name = System.IO.Path.GetFileName(output);
        var path = System.IO.Path.Combine(parent, "." + name + ".building");
        Recover(output);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        Directory.CreateDirectory(path);
        return new StagingDirectory(output, path);
    }

    /// <summary>
    /// Updates the published site in place from a staging folder holding only new and changed files:
    /// each moves over its old copy (a rename, so a reader sees the old file or the new one, never half),
    /// then <paramref name="stale"/> (site paths the new site no longer has) are deleted, and the manifest
    /// moves last. The staging folder is marked complete first (<see cref="JournalName"/>, listing the
    /// stale files), so a build killed half way is finished by the next one (<see cref="Recover"/>)
    /// instead of leaving pages that disagree with the manifest.
    /// </summary>
    /// <returns>The number of files moved into the site (the manifest aside).</returns>
    public int PublishInPlace(IEnumerable<string> stale)
    {
        var journal = System.IO.Path.Combine(Path, JournalName);
        File.WriteAllLines(journal + ".tmp", stale.Order(StringComparer.Ordinal));
        File.Move(journal + ".tmp", journal);
        _published = true;
        return FinishInPlace(Path, _output);
    }

    /// <summary>Marks a staging folder whose files are complete and are being moved into the site (see <see cref="PublishInPlace"/>).</summary>
    public const string JournalName = ".paperarchive-publish";

    private static int FinishInPlace(string staging, string output)
    {
        var moved = 0;
        var journal = System.IO.Path.Combine(staging, JournalName);
        var manifest = System.IO.Path.Combine(staging, Rendering.RenderManifest.RelativePath);
        foreach (var file in Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories).ToList())
        {
            if (file == journal || file == manifest)
            {
                continue;
            }
            var target = System.IO.Path.Combine(output, System.IO.Path.GetRelativePath(staging, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Move(file, target, overwrite: true);
            moved++;
        }
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rel in File.ReadAllLines(journal).Where(l => l.Length > 0))
        {
            var target = System.IO.Path.GetFullPath(System.IO.Path.Combine(output, rel));
            if (!target.StartsWith(output + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }
            File.Delete(target);
            folders.Add(System.IO.Path.GetDirectoryName(target)!);
        }
        // Folders the deletions emptied (a paper, author or topic that is gone) go too, deepest first.
        foreach (var folder in folders.OrderByDescending(f => f.Length))
        {
            for (var dir = folder; dir.Length > output.Length && Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any(); dir = System.IO.Path.GetDirectoryName(dir)!)
            {
                Directory.Delete(dir);
            }
        }
        if (File.Exists(manifest))
        {
            var target = System.IO.Path.Combine(output, Rendering.RenderManifest.RelativePath);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Move(manifest, target, overwrite: true);
        }
        Directory.Delete(staging, recursive: true);
        return moved;
    }

    public void Publish()
    {
        var old = OldPath(_output);
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }
        if (Directory.Exists(_output))
        {
            Directory.Move(_output, old);
        }
        Directory.Move(Path, _output);
        _published = true;
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }
    }

    private static string OldPath(string output) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(output)!, "." + System.IO.Path.GetFileName(output) + ".old");

    /// <summary>
    /// A build killed between the two moves of <see cref="Publish"/> leaves no output folder, only the
    /// previous site set aside: put it back before anything else, so the old site is never lost.
    /// </summary>
    public static void Recover(string outputDir)
    {
        var output = System.IO.Path.GetFullPath(outputDir).TrimEnd(System.IO.Path.DirectorySeparatorChar);
        var old = OldPath(output);
        if (!Directory.Exists(output) && Directory.Exists(old))
        {
            Directory.Move(old, output);
        }
        // An in-place publish that was interrupted: its files are complete, so finish it.
        var staging = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(output)!, "." + System.IO.Path.GetFileName(output) + ".building");
        if (Directory.Exists(output) && File.Exists(System.IO.Path.Combine(staging, JournalName)))
        {
            FinishInPlace(staging, output);
        }
    }

    public void Dispose()
    {
        if (!_published && Directory.Exists(Path))
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // Left for the next build, which clears it first.
            }
        }
    }
}
