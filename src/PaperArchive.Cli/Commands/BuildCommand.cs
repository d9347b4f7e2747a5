using System.CommandLine;
using System.Globalization;
using PaperArchive.Build;
using PaperArchive.Common;
using Spectre.Console;

namespace PaperArchive.Cli.Commands;

/// <summary>`paperarchive build`: import when inputs changed, then render the site (see <see cref="SiteBuilder"/>).</summary>
public static class BuildCommand
{
    public static Command Create(IAnsiConsole? console = null)
    {
        var input = new Option<string>("--input") { Description = "Folder with listings/, site.yml, topics.yml", DefaultValueFactory = _ => "input" };
        var archive = new Option<string>("--archive") { Description = "The Markdown archive", DefaultValueFactory = _ => "archive" };
        var output = new Option<string>("--output") { Description = "Where the site is written", DefaultValueFactory = _ => "site" };
        var theme = new Option<string?>("--theme") { Description = "Theme name (default: site.yml's theme)" };
        var themes = new Option<string?>("--themes-dir") { Description = "Folder holding the themes (default: ./themes)" };
        var baseUrl = new Option<string?>("--base-url") { Description = "Absolute URL the site is published at (default: site.yml's base_url)" };
        var strict = new Option<bool>("--strict") { Description = "Fail on broken links and HTML errors" };
        var command = new Command("build", "Import when inputs changed, then render the site") { input, archive, output, theme, themes, baseUrl, strict };
        command.SetAction(parse =>
        {
            var ui = console ?? AnsiConsole.Console;
            var options = new BuildOptions
            {
                InputDir = parse.GetValue(input)!,
                ArchiveDir = parse.GetValue(archive)!,
                OutputDir = parse.GetValue(output)!,
                Theme = parse.GetValue(theme),
                ThemesDir = parse.GetValue(themes),
                BaseUrl = parse.GetValue(baseUrl),
                Strict = parse.GetValue(strict),
            };
            var report = Run(ui, options);
            foreach (var d in report.Diagnostics.Take(50))
            {
                var color = d.Severity == Severity.Error ? "red" : d.Severity == Severity.Warning ? "yellow" : "grey";
                ui.MarkupLine($"[{color}]{Markup.Escape(d.ToString())}[/]");
            }
            if (report.Diagnostics.Count > 50)
            {
                ui.MarkupLine($"[grey]… and {report.Diagnostics.Count - 50} more[/]");
            }
            var summary = string.Create(CultureInfo.InvariantCulture,
                $"{report.Pages} pages, {report.Files} files, {report.Papers} papers, {report.Days} days in {report.Elapsed.TotalSeconds:0.0}s");
            if (report.Published)
            {
                ui.MarkupLine($"[green]Built[/] {Markup.Escape(summary)} → {Markup.Escape(options.OutputDir)}" + (report.Warnings > 0 ? $" [yellow]({report.Warnings} warnings)[/]" : ""));
                return 0;
            }
            ui.MarkupLine($"[red]Build failed[/] ({report.Diagnostics.Count(d => d.Severity == Severity.Error)} errors); {Markup.Escape(options.OutputDir)} left unchanged. {Markup.Escape(summary)}");
            return 1;
        });
        return command;
    }

    private static BuildReport Run(IAnsiConsole ui, BuildOptions options)
    {
        if (!ui.Profile.Capabilities.Interactive || Console.IsOutputRedirected)
        {
            return SiteBuilder.Build(options);
        }
        BuildReport? report = null;
        ui.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("build");
                var progress = new SynchronousProgress<BuildProgress>(p =>
                {
                    task.Description = p.Step;
                    if (p.Total > 0)
                    {
                        task.MaxValue = p.Total;
                        task.Value = p.Done;
                    }
                });
                report = SiteBuilder.Build(options with { Progress = progress });
                task.Value = task.MaxValue;
            });
        return report!;
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and arrive after the build).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
