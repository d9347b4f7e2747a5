using System.CommandLine;
using PaperArchive.Build;
using PaperArchive.Serve;
using Spectre.Console;

namespace PaperArchive.Cli.Commands;

/// <summary>`paperarchive new theme &lt;name&gt;`: copy the default theme as a starting point (see <see cref="ThemeScaffold"/>).</summary>
public static class NewThemeCommand
{
    /// <summary>The `new` command; `theme` is its one subcommand for now.</summary>
    public static Command Create(IAnsiConsole? console = null)
    {
        var name = new Argument<string>("name") { Description = "Theme name: lowercase letters, digits, hyphens (e.g. my-theme)" };
        var from = new Option<string>("--from") { Description = "Theme to copy", DefaultValueFactory = _ => "default" };
        var themes = new Option<string?>("--themes-dir") { Description = "Folder holding the themes (default: ./themes)" };
        var theme = new Command("theme", "Copy the default theme to themes/<name>/ as a starting point") { name, from, themes };
        theme.SetAction(parse =>
        {
            var ui = console ?? AnsiConsole.Console;
            var themesDir = parse.GetValue(themes);
            var source = SiteBuilder.ResolveThemesDir(themesDir);
            var target = themesDir ?? "themes";
            var themeName = parse.GetValue(name)!;
            var result = ThemeScaffold.Create(source, parse.GetValue(from)!, target, themeName);
            if (!result.Ok)
            {
                ui.MarkupLine($"[red]{Markup.Escape(result.Error!.ToString())}[/]");
                return 1;
            }
            ui.MarkupLine($"[green]Created[/] {Markup.Escape(result.Path)} ({result.Files} files, copied from {Markup.Escape(Path.Combine(source, parse.GetValue(from)!))})");
            ui.WriteLine();
            ui.WriteLine("Use it:");
            ui.WriteLine($"  paperarchive serve --theme {themeName}      (preview; edits reload the page)");
            ui.WriteLine($"  paperarchive build --theme {themeName}");
            ui.WriteLine($"  or set `theme: {themeName}` in input/site.yml");
            ui.WriteLine();
            ui.WriteLine($"Start with {Path.Combine(result.Path, "partials", "header.html")}; themes/README.md is the guide.");
            return 0;
        });
        return new Command("new", "Create a starting point (new theme <name>)") { theme };
    }
}
