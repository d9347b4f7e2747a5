using PaperArchive.Cli;
using PaperArchive.Rendering;
using PaperArchive.Serve;
using PaperArchive.Tests.Cli;

namespace PaperArchive.Tests.Serve;

public class NewThemeCommandTests
{
    [Fact]
    public void New_theme_copies_every_default_file_names_itself_and_prints_how_to_use_it()
    {
        using var tmp = TestPaths.Temp();
        var themes = Path.Combine(tmp.Path, "themes");
        ServeWorkspace.CopyTree(Path.Combine(TestPaths.Themes, "default"), Path.Combine(themes, "default"));
        var (console, output) = ImportCommandTests.PlainConsole();

        var exit = Program.BuildRoot(console).Parse(["new", "theme", "my-theme", "--themes-dir", themes]).Invoke();

        Assert.Equal(0, exit);
        var source = Path.Combine(themes, "default");
        var copy = Path.Combine(themes, "my-theme");
        var expected = Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(source, f)).Order(StringComparer.Ordinal).ToList();
        var actual = Directory.EnumerateFiles(copy, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(copy, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
        Assert.Equal(File.ReadAllText(Path.Combine(source, "partials", "header.html")), File.ReadAllText(Path.Combine(copy, "partials", "header.html")));
        Assert.StartsWith("name: my-theme\n", File.ReadAllText(Path.Combine(copy, "theme.yml")));
        Assert.Equal("default", File.ReadAllLines(Path.Combine(source, "theme.yml"))[0]["name: ".Length..]);
        // The copy is a working theme on its own.
        var theme = Theme.Load(themes, "my-theme", null);
        Assert.Equal(Path.Combine(Path.GetFullPath(copy), "layouts", "day.html"), theme.FindLayout(["day"])!.Value.FullPath);
        var text = output.ToString();
        Assert.Contains("--theme my-theme", text);
        Assert.Contains("theme: my-theme", text);
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(themes), e => Path.GetFileName(e).StartsWith('.'));
    }

    [Fact]
    public void New_theme_refuses_to_overwrite_an_existing_theme()
    {
        using var tmp = TestPaths.Temp();
        var themes = Path.Combine(tmp.Path, "themes");
        ServeWorkspace.CopyTree(Path.Combine(TestPaths.Themes, "default"), Path.Combine(themes, "default"));
        Directory.CreateDirectory(Path.Combine(themes, "mine"));
        File.WriteAllText(Path.Combine(themes, "mine", "keep.txt"), "mine");
        var (console, output) = ImportCommandTests.PlainConsole();

        var exit = Program.BuildRoot(console).Parse(["new", "theme", "mine", "--themes-dir", themes]).Invoke();

        Assert.Equal(1, exit);
        Assert.Contains("already exists", output.ToString());
        Assert.Equal(["keep.txt"], Directory.EnumerateFiles(Path.Combine(themes, "mine")).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("My Theme")]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("UPPER")]
    [InlineData("-dash")]
    [InlineData("double--dash")]
    [InlineData(".hidden")]
    [InlineData("")]
    public void New_theme_names_must_be_slugs(string name)
    {
        using var tmp = TestPaths.Temp();
        var themes = Path.Combine(tmp.Path, "themes");
        ServeWorkspace.CopyTree(Path.Combine(TestPaths.Themes, "default"), Path.Combine(themes, "default"));

        var result = ThemeScaffold.Create(themes, "default", themes, name);

        Assert.False(result.Ok);
        Assert.Contains("slug", result.Error!.Message);
        Assert.Equal(["default"], Directory.EnumerateFileSystemEntries(themes).Select(Path.GetFileName));
        Assert.False(Directory.Exists(Path.Combine(tmp.Path, "escape")));
    }

    [Fact]
    public void New_theme_from_a_missing_theme_is_an_error()
    {
        using var tmp = TestPaths.Temp();
        var result = ThemeScaffold.Create(tmp.Path, "nope", tmp.Path, "fine");
        Assert.False(result.Ok);
        Assert.Contains("'nope' not found", result.Error!.Message);
        Assert.False(Directory.Exists(Path.Combine(tmp.Path, "fine")));
    }
}
