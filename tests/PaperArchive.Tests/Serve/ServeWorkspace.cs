using PaperArchive.Build;

namespace PaperArchive.Tests.Serve;

/// <summary>
/// A small project in a temp folder: input/ with one real listing (6 papers) and site.yml, a copy
/// of the default theme under themes/ (tests edit it), and the archive/ and site/ folders a build writes.
/// </summary>
public sealed class ServeWorkspace : IDisposable
{
    private readonly TestPaths.TempDir _temp = TestPaths.Temp();

    public ServeWorkspace()
    {
        var listings = Path.Combine(Input, "listings", "hf-api");
        Directory.CreateDirectory(listings);
        File.Copy(Path.Combine(TestPaths.Fixtures, "hf-api", "2024-06-03.json"), Path.Combine(listings, "2024-06-03.json"));
        File.WriteAllText(Path.Combine(Input, "site.yml"), "title: Serve Test Archive\nbase_url: https://example.org/repo/\n");
        CopyTree(Path.Combine(TestPaths.Themes, "default"), Path.Combine(Themes, "default"));
    }

    public string Root => _temp.Path;

    public string Input => Path.Combine(Root, "input");

    public string Themes => Path.Combine(Root, "themes");

    public string Site => Path.Combine(Root, "site");

    public BuildOptions BuildOptions => new()
    {
        InputDir = Input,
        ArchiveDir = Path.Combine(Root, "archive"),
        OutputDir = Site,
        ThemesDir = Themes,
    };

    public string ThemeFile(string relativePath) => Path.Combine(Themes, "default", relativePath);

    public static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
    }

    public void Dispose() => _temp.Dispose();
}
