using System.Text.RegularExpressions;
using PaperArchive.Common;

namespace PaperArchive.Serve;

/// <summary>
/// <c>paperarchive new theme &lt;name&gt;</c>: copies a theme (the default one) to
/// <c>themes/&lt;name&gt;/</c> as a starting point, with <c>name:</c> in its theme.yml set.
/// Never overwrites; the copy appears whole or not at all (copied beside it, then renamed).
/// </summary>
public static partial class ThemeScaffold
{
    public static ThemeScaffoldResult Create(string sourceThemesDir, string from, string targetThemesDir, string name)
    {
        if (!IsValidName(name))
        {
            return ThemeScaffoldResult.Failed(Diagnostic.Error(name, null,
                "a theme name is a slug: lowercase letters, digits and single hyphens, e.g. 'my-theme'"));
        }
        var source = Path.Combine(sourceThemesDir, from);
        if (!Directory.Exists(source))
        {
            return ThemeScaffoldResult.Failed(Diagnostic.Error(source, null, $"theme '{from}' not found"));
        }
        var target = Path.Combine(targetThemesDir, name);
        if (Directory.Exists(target) || File.Exists(target))
        {
            return ThemeScaffoldResult.Failed(Diagnostic.Error(target, null, "already exists; choose another name or delete it first"));
        }
        if (Path.GetFullPath(target).StartsWith(Path.GetFullPath(source) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return ThemeScaffoldResult.Failed(Diagnostic.Error(target, null, "cannot copy a theme into itself"));
        }
        Directory.CreateDirectory(targetThemesDir);
        var temp = Path.Combine(targetThemesDir, "." + name + ".new");
        if (Directory.Exists(temp))
        {
            Directory.Delete(temp, recursive: true);
        }
        var files = 0;
        try
        {
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var rel = Path.GetRelativePath(source, file);
                var dest = Path.Combine(temp, rel);
                Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
                File.Copy(file, dest);
                files++;
            }
            var themeYml = Path.Combine(temp, "theme.yml");
            var yml = File.Exists(themeYml) ? File.ReadAllText(themeYml) : "";
            yml = NameLine().IsMatch(yml)
                ? NameLine().Replace(yml, "name: " + name, 1)
                : "name: " + name + "\n" + yml;
            File.WriteAllText(themeYml, yml);
            Directory.Move(temp, target);
        }
        catch
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
            throw;
        }
        return new ThemeScaffoldResult(true, target, files, null);
    }

    /// <summary>A slug of at most 64 characters ("my-theme"), so it is a safe folder name and a safe <c>theme:</c> value.</summary>
    public static bool IsValidName(string name) => name.Length is > 0 and <= 64 && SlugPattern().IsMatch(name);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^name:.*$", RegexOptions.Multiline)]
    private static partial Regex NameLine();
}
