using PaperArchive.Common;
using YamlDotNet.Serialization;

namespace PaperArchive.Rendering;

/// <summary>
/// A theme on disk plus the site's overrides. <see cref="Roots"/> are searched in order, first match
/// wins: the site's override folder (<c>input/theme/</c>), the theme itself
/// (<c>themes/&lt;name&gt;/</c>), then the themes it <c>extends</c> (theme.yml). Every theme file —
/// layout, partial or asset — is found through <see cref="Find"/>, so a site overrides any of them
/// by putting a file at the same relative path under its override folder.
/// </summary>
public sealed class Theme
{
    /// <summary>Name of the layout every page falls back to (<c>layouts/_default.html</c>).</summary>
    public const string DefaultLayout = "_default";

    private readonly IReadOnlyList<ThemeRoot> _roots;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _found = new(StringComparer.Ordinal);

    private Theme(string name, IReadOnlyList<ThemeRoot> roots, IReadOnlyDictionary<string, string> defaults)
    {
        Name = name;
        _roots = roots;
        Defaults = defaults;
    }

    public string Name { get; }

    /// <summary>Template variables every page starts with (<c>defaults:</c> in theme.yml; a theme's own win over the one it extends).</summary>
    public IReadOnlyDictionary<string, string> Defaults { get; }

    /// <summary>Folders searched, most specific first (absolute paths).</summary>
    public IReadOnlyList<string> Roots => _roots.Select(r => r.Path).ToList();

    /// <summary>
    /// Loads <paramref name="themesDir"/>/<paramref name="name"/> (following <c>extends:</c> in theme.yml)
    /// with <paramref name="overrideDir"/> (may be null or missing) in front.
    /// </summary>
    public static Theme Load(string themesDir, string name, string? overrideDir)
    {
        var roots = new List<ThemeRoot>();
        if (overrideDir is not null && Directory.Exists(overrideDir))
        {
            roots.Add(new ThemeRoot(Path.GetFullPath(overrideDir), "site override"));
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var defaults = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var current = name;
        while (current is not null)
        {
            if (!seen.Add(current))
            {
                throw new ThemeException(Diagnostic.Error(Path.Combine(themesDir, current, "theme.yml"), "extends", $"theme '{current}' extends itself"));
            }
            var dir = Path.GetFullPath(Path.Combine(themesDir, current));
            if (!Directory.Exists(dir))
            {
                throw new ThemeException(Diagnostic.Error(dir, null, $"theme '{current}' not found (looked in {Path.GetFullPath(themesDir)})"));
            }
            roots.Add(new ThemeRoot(dir, "theme " + current));
            var (extends, own) = ReadThemeYml(Path.Combine(dir, "theme.yml"));
            foreach (var (key, value) in own)
            {
                defaults.TryAdd(key, value);
            }
            current = extends;
        }
        return new Theme(name, roots, defaults);
    }

    /// <summary>Absolute path of the first file at <paramref name="relativePath"/> ("layouts/day.html") across the roots, or null.</summary>
    public string? Find(string relativePath) =>
        // Every page looks up its layouts and partials; a theme is loaded per build, so the answers are cached.
        _found.GetOrAdd(relativePath, FindOnDisk);

    private string? FindOnDisk(string relativePath)
    {
        foreach (var root in _roots)
        {
            var full = Path.Combine(root.Path, relativePath);
            if (File.Exists(full))
            {
                return full;
            }
        }
        return null;
    }

    /// <summary>
    /// The lookup table for a page: each of <paramref name="layoutNames"/> in order, then
    /// <see cref="DefaultLayout"/>; for each name the override folder before the theme.
    /// Returns the relative path and the file that matched.
    /// </summary>
    public (string RelativePath, string FullPath)? FindLayout(IEnumerable<string> layoutNames)
    {
        foreach (var name in layoutNames.Append(DefaultLayout))
        {
            var rel = "layouts/" + name + ".html";
            var full = Find(rel);
            if (full is not null)
            {
                return (rel, full);
            }
        }
        return null;
    }

    /// <summary>Every file under <c>assets/</c> across the roots (override wins), as (site-relative asset path, file), ordinal order.</summary>
    public IReadOnlyList<(string RelativePath, string FullPath)> Assets()
    {
        var found = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var root in _roots.Reverse())
        {
            var assets = Path.Combine(root.Path, "assets");
            if (!Directory.Exists(assets))
            {
                continue;
            }
            foreach (var file in Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories))
            {
                var rel = Path.GetRelativePath(assets, file).Replace('\\', '/');
                if (Path.GetFileName(rel).StartsWith('.'))
                {
                    continue;
                }
                found[rel] = file;
            }
        }
        return found.Select(kv => (kv.Key, kv.Value)).ToList();
    }

    /// <summary>A theme file as users know it: "themes/default/layouts/day.html" or "input/theme/layouts/day.html".</summary>
    public string DisplayPath(string fullPath)
    {
        foreach (var root in _roots)
        {
            if (fullPath.StartsWith(root.Path + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                var parent = Path.GetDirectoryName(Path.GetDirectoryName(root.Path));
                return parent is null ? fullPath : Path.GetRelativePath(parent, fullPath).Replace('\\', '/');
            }
        }
        return fullPath;
    }

    private static (string? Extends, Dictionary<string, string> Defaults) ReadThemeYml(string themeYml)
    {
        var defaults = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(themeYml))
        {
            return (null, defaults);
        }
        try
        {
            var map = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>?>(File.ReadAllText(themeYml));
            if (map is not null && map.TryGetValue("defaults", out var d) && d is Dictionary<object, object> dict)
            {
                foreach (var (k, v) in dict)
                {
                    defaults[k.ToString()!] = v?.ToString() ?? "";
                }
            }
            var extends = map is not null && map.TryGetValue("extends", out var parent) && parent is string s && s.Length > 0 ? s : null;
            return (extends, defaults);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new ThemeException(Diagnostic.Error(themeYml, $"line {e.Start.Line}, column {e.Start.Column}", e.Message));
        }
    }

    private sealed record ThemeRoot(string Path, string Label);
}
