using System.CommandLine;
using PaperArchive.Build;
using Spectre.Console;

namespace PaperArchive.Cli.Commands;

/// <summary>`paperarchive check [--output DIR]`: link and HTML check of a built site (the same check a build runs). Exit 1 on any problem.</summary>
public static class CheckCommand
{
    public static Command Create(IAnsiConsole? console = null)
    {
        var output = new Option<string>("--output") { Description = "The built site", DefaultValueFactory = _ => "site" };
        var command = new Command("check", "Check links and HTML of a built site") { output };
        command.SetAction(parse =>
        {
            var ui = ConsoleUi.Create(console);
            var dir = parse.GetValue(output)!;
            if (!Directory.Exists(dir))
            {
                ui.Summary($"check: {dir} does not exist; run paperarchive build first", ok: false);
                return 2;
            }
            var report = ui.RunStep("Checking links and HTML", _ => SiteChecker.Check(dir));
            ui.Diagnostics(report.Diagnostics);
            ui.Summary(report.Ok
                ? $"check: {report.Pages} pages, {report.Links} links, no problems"
                : $"check: {report.Diagnostics.Count} problems in {report.Pages} pages ({report.Links} links checked)", report.Ok);
            return report.Ok ? 0 : 1;
        });
        return command;
    }
}
