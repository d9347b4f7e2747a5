using System.CommandLine;
using PaperArchive.Build;
using Spectre.Console;

namespace PaperArchive.Cli.Commands;

/// <summary>`paperarchive check`: link and HTML check of a built site (the same check a build runs).</summary>
public static class CheckCommand
{
    public static Command Create(IAnsiConsole? console = null)
    {
        var output = new Option<string>("--output") { Description = "The built site", DefaultValueFactory = _ => "site" };
        var command = new Command("check", "Check links and HTML of a built site") { output };
        command.SetAction(parse =>
        {
            var ui = console ?? AnsiConsole.Console;
            var dir = parse.GetValue(output)!;
            if (!Directory.Exists(dir))
            {
                ui.MarkupLine($"[red]error:[/] {Markup.Escape(dir)} does not exist; run paperarchive build first");
                return 2;
            }
            var report = SiteChecker.Check(dir);
            foreach (var d in report.Diagnostics.Take(100))
            {
                ui.MarkupLine($"[red]{Markup.Escape(d.ToString())}[/]");
            }
            if (report.Diagnostics.Count > 100)
            {
                ui.MarkupLine($"[grey]… and {report.Diagnostics.Count - 100} more[/]");
            }
            ui.MarkupLine(report.Ok
                ? $"[green]OK[/] {report.Pages} pages, {report.Links} links checked"
                : $"[red]{report.Diagnostics.Count} problems[/] in {report.Pages} pages ({report.Links} links checked)");
            return report.Ok ? 0 : 1;
        });
        return command;
    }
}
