namespace PaperArchive.Serve;

/// <summary>
/// Watches folders (input/, the themes) recursively and reports changed paths, skipping the
/// folders the build itself writes (site, its staging folder, the archive) and editor scratch
/// files (vim's swap files and "4913" probe, emacs lock files, backups ending in ~).
/// </summary>
public sealed class SiteWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly IReadOnlyList<string> _ignored;
    private readonly Action<string> _changed;

    public SiteWatcher(IEnumerable<string> folders, IEnumerable<string> ignoredFolders, Action<string> changed)
    {
        _changed = changed;
        _ignored = ignoredFolders.Select(f => Path.GetFullPath(f).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar).ToList();
        foreach (var folder in folders.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                InternalBufferSize = 64 * 1024,
            };
            watcher.Changed += (_, e) => Report(e.FullPath);
            watcher.Created += (_, e) => Report(e.FullPath);
            watcher.Deleted += (_, e) => Report(e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                Report(e.OldFullPath);
                Report(e.FullPath);
            };
            // An overflowed buffer lost events: rebuild rather than miss a change.
            watcher.Error += (_, _) => _changed(folder);
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    /// <summary>Folders actually watched (the ones that exist).</summary>
    public IReadOnlyList<string> Folders => _watchers.Select(w => w.Path).ToList();

    public static bool IsScratchFile(string path)
    {
        var name = Path.GetFileName(path);
        return name.Length == 0
            || name == "4913"
            || name.EndsWith('~')
            || name.StartsWith(".#", StringComparison.Ordinal)
            || name.EndsWith(".swp", StringComparison.Ordinal)
            || name.EndsWith(".swx", StringComparison.Ordinal)
            || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
            || name == ".DS_Store";
    }

    private void Report(string path)
    {
        if (IsScratchFile(path) || _ignored.Any(i => (path + Path.DirectorySeparatorChar).StartsWith(i, StringComparison.Ordinal)))
        {
            return;
        }
        _changed(path);
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.EnableRaisingEvents = false;
            watcher.Dispose();
        }
        _watchers.Clear();
    }
}
