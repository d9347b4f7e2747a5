using System.CommandLine;
using System.Globalization;
using PaperArchive.Build;
using Spectre.Console;

namespace PaperArchive.Cli.Commands;

/// <summary>
/// `paperarchive build [--input DIR] [--archive DIR] [--output DIR] [--theme NAME] [--base-url URL] [--strict] [--full] [--zip]`:
/// import when inputs changed, then render the site (see <see cref="SiteBuilder"/>). Progress bar on
/// a terminal, every diagnostic on its own line, one summary line. Exit code 0 when the new site was
/// published, 1 when an error kept the old one.
/// </summary>
public static class BuildCommand
{
    public static Command Create(IAnsiConsole? console = null)
    {
        var input = new Option<string>("--input") { Description = "Folder with listings/, site.yml, topics.yml, theme/", DefaultValueFactory = _ => "input" };
        var archive = new Option<string>("--archive") { Description = "Folder of the Markdown archive", DefaultValueFactory = _ => "archive" };
        var output = new Option<string>("--output") { Description = "Where the site is written", DefaultValueFactory = _ => "site" };
        var theme = new Option<string?>("--theme") { Description = "Theme name (default: site.yml's theme)" };
        var themes = new Option<string?>("--themes-dir") { Description = "Folder holding the themes (default: ./themes, else the one shipped with the program)" };
        var baseUrl = new Option<string?>("--base-url") { Description = "Absolute URL the site is published at (default: site.yml's base_url)" };
        var strict = new Option<bool>("--strict") { Description = "Fail on broken links and HTML errors" };
        var zip = new Option<bool>("--zip") { Description = "Also write the whole site as offline/site.zip (linked from the site) to read from disk" };
        var full = new Option<bool>("--full") { Description = "Render every page (by default pages whose inputs did not change since the published site are kept)" };
        var command = new Command("build", "Import when inputs changed, then render the site") { input, archive, output, theme, themes, baseUrl, strict, full, zip };
        command.SetAction(parse =>
        {
            var ui = ConsoleUi.Create(console);
            var options = new BuildOptions
            {
                InputDir = parse.GetValue(input)!,
                ArchiveDir = parse.GetValue(archive)!,
                OutputDir = parse.GetValue(output)!,
                Theme = parse.GetValue(theme),
                ThemesDir = parse.GetValue(themes),
                BaseUrl = parse.GetValue(baseUrl),
                Strict = parse.GetValue(strict),
                Zip = parse.GetValue(zip),
                Incremental = !parse.GetValue(full),
            };
            return Run(ui, options);
        });
        return command;
    }

    public static int Run(ConsoleUi ui, BuildOptions options)
    {
        var report = ui.RunStep("Building site", progress => SiteBuilder.Build(options with
        {
            Progress = new BuildProgressAdapter(progress),
        }));
        ui.Diagnostics(report.Diagnostics);
        ui.Summary(Summary(report, options.OutputDir), report.Published);
        ui.Line("steps: " + string.Join(", ", report.Steps.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Step} {s.Elapsed.TotalSeconds:0.0} s"))));
        return report.Published ? 0 : 1;
    }

    /// <summary>"build: 812 pages, 1,030 files, 540 papers, 40 days, 2 warnings, 0 errors, 3.2 s → site".</summary>
    public static string Summary(BuildReport r, string output)
    {
        var errors = r.Diagnostics.Count(d => d.Severity == Common.Severity.Error);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"build: {r.Pages} pages, {r.Rendered} rendered, {r.Files} files ({r.Changed} written), {r.Papers} papers, {r.Days} days, {r.Warnings} warnings, {errors} errors, {r.Elapsed.TotalSeconds:0.0} s");
        return r.Published ? text + " → " + output : text + "; " + output + " left unchanged";
    }

    /// <summary>Shows page rendering (the long step) on the bar; other steps only report their name.</summary>
    private sealed class BuildProgressAdapter(IProgress<(int Done, int Total)> inner) : IProgress<BuildProgress>
    {
        public void Report(BuildProgress value)
        {
            if (value.Total > 0)
            {
                inner.Report((value.Done, value.Total));
            }
        }
    }
}
