using System.CommandLine;
using System.Globalization;
using PaperArchive.Archive;
using Spectre.Console;

namespace PaperArchive.Cli.Commands;

/// <summary>
/// `paperarchive import [--input DIR] [--archive DIR] [--force]`: reads the raw listings into the
/// Markdown archive, prints every diagnostic on its own line and a one-line summary.
/// Exit code 0 when all went well, 1 when anything was an error (everything good is still written).
/// </summary>
public static class ImportCommand
{
    public static Command Create(IAnsiConsole? console = null)
    {
        var input = new Option<string>("--input")
        {
            Description = "Folder with the raw listings (its listings/ subfolder when there is one)",
            DefaultValueFactory = _ => "input",
        };
        var archive = new Option<string>("--archive")
        {
            Description = "Folder of the Markdown archive",
            DefaultValueFactory = _ => "archive",
        };
        var force = new Option<bool>("--force")
        {
            Description = "Import even when nothing changed since the last import",
        };
        var command = new Command("import", "Import raw listings into the Markdown archive");
        command.Options.Add(input);
        command.Options.Add(archive);
        command.Options.Add(force);
        command.SetAction(parse =>
        {
            var ui = ConsoleUi.Create(console);
            var options = new ImportOptions(parse.GetValue(input)!, parse.GetValue(archive)!)
            {
                Force = parse.GetValue(force),
                // Only the summary's counts are printed: an up-to-date archive need not be parsed.
                ReadArchiveWhenUpToDate = false,
            };
            return Run(ui, options);
        });
        return command;
    }

    /// <summary>Runs an import with progress and prints its diagnostics and summary; returns the exit code.</summary>
    public static int Run(ConsoleUi ui, ImportOptions options)
    {
        var report = ui.RunStep("Importing listings", progress => ArchiveImporter.Import(options with { Progress = progress }));
        ui.Diagnostics(report.Diagnostics);
        ui.Summary(Summary(report), ok: !report.HasErrors);
        return report.HasErrors ? 1 : 0;
    }

    /// <summary>"import: 43 files, 40 days, 812 papers (12 new, 3 updated), 2 warnings, 0 errors, 0.41 s".</summary>
    public static string Summary(ImportReport r)
    {
        var seconds = r.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
        if (r.Skipped)
        {
            return $"import: up to date, nothing to do ({Count(r.Files, "file")} unchanged; {Count(r.Days, "day")}, {Count(r.Papers, "paper")} in the archive), {seconds}";
        }
        return $"import: {Count(r.Files, "file")}, {Count(r.Days, "day")}, {Count(r.Papers, "paper")} ({r.NewPapers.ToString(CultureInfo.InvariantCulture)} new, " +
               $"{r.UpdatedPapers.ToString(CultureInfo.InvariantCulture)} updated), {Count(r.Warnings, "warning")}, {Count(r.Errors, "error")}, " +
               $"{Count(r.FilesWritten, "archive file")} written, {seconds}";
    }

    private static string Count(int n, string word) => n.ToString(CultureInfo.InvariantCulture) + " " + word + (n == 1 ? "" : "s");
}
