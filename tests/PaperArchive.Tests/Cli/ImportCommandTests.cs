using PaperArchive.Archive;
using PaperArchive.Cli;
using PaperArchive.Cli.Commands;
using PaperArchive.Model;
using PaperArchive.Tests.Archive;
using Spectre.Console;

namespace PaperArchive.Tests.Cli;

public class ImportCommandTests
{
    /// <summary>A console like a redirected stdout: no ANSI, not interactive, 80 columns.</summary>
    internal static (IAnsiConsole Console, StringWriter Output) PlainConsole()
    {
        var writer = new StringWriter { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            Interactive = InteractionSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
        });
        return (console, writer);
    }

    [Fact]
    public void Missing_input_folder_prints_an_error_line_and_exits_1()
    {
        using var tmp = TestDirs.Temp();
        var (console, output) = PlainConsole();
        var exit = Program.BuildRoot(console).Parse(["import", "--input", tmp.Sub("missing"), "--archive", tmp.Sub("archive")]).Invoke();
        Assert.Equal(1, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("error: " + tmp.Sub("missing") + ": input folder not found", lines);
        Assert.StartsWith("import: 0 files, 0 days, 0 papers (0 new, 0 updated), 0 warnings, 1 error", lines[^1]);
        Assert.False(Directory.Exists(tmp.Sub("archive")));
        Assert.DoesNotContain("\u001b[", output.ToString());
        Assert.DoesNotContain("   at ", output.ToString());
    }

    [Fact]
    public void Plain_output_keeps_each_diagnostic_on_one_line_however_long()
    {
        var (console, output) = PlainConsole();
        var ui = ConsoleUi.Create(console);
        Assert.False(ui.Interactive);
        var longMessage = new string('x', 300) + " [not markup]";
        ui.Diagnostics([PaperArchive.Common.Diagnostic.Warning("some/file.json", "item 3", longMessage)]);
        Assert.Equal("warning: some/file.json (item 3): " + longMessage + "\n", output.ToString());
    }

    [Fact]
    public void Plain_progress_prints_a_start_and_an_end_line()
    {
        var (console, output) = PlainConsole();
        var ui = ConsoleUi.Create(console);
        var result = ui.RunStep("Reading listings", progress =>
        {
            progress.Report((2, 3));
            progress.Report((3, 3));
            progress.Report((1, 3));
            return 42;
        });
        Assert.Equal(42, result);
        Assert.Equal("Reading listings ...\nReading listings: 3/3 done\n", output.ToString());
    }

    [Fact]
    public void Summary_names_files_days_papers_warnings_errors_and_time()
    {
        var report = new ImportReport(ArchiveModel.Empty, 43, 40, 812, 12, 3, false,
            [PaperArchive.Common.Diagnostic.Warning("f", null, "w")])
        {
            FilesWritten = 17,
            Elapsed = TimeSpan.FromMilliseconds(412),
        };
        Assert.Equal("import: 43 files, 40 days, 812 papers (12 new, 3 updated), 1 warning, 0 errors, 17 archive files written, 0.41 s",
            ImportCommand.Summary(report));
        Assert.StartsWith("import: up to date", ImportCommand.Summary(report with { Skipped = true }));
    }
}

public class ImportCommandFixtureTests
{
    [Fact]
    public void Import_of_the_fixtures_prints_warnings_one_per_line_and_a_summary_and_exits_0()
    {
        using var tmp = TestDirs.Temp();
        var (console, output) = ImportCommandTests.PlainConsole();
        var exit = Program.BuildRoot(console).Parse(["import", "--input", TestDirs.Fixtures, "--archive", tmp.Path]).Invoke();
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, exit);
        Assert.Matches(@"^import: \d+ files, \d+ days, \d+ papers \(\d+ new, 0 updated\), \d+ warnings?, 0 errors, \d+ archive files written, \d+\.\d\d s$", lines[^1]);
        Assert.All(lines.Where(l => l.StartsWith("warning: ", StringComparison.Ordinal)), l => Assert.Contains(TestDirs.Fixtures, l));

        var (console2, output2) = ImportCommandTests.PlainConsole();
        Assert.Equal(0, Program.BuildRoot(console2).Parse(["import", "--input", TestDirs.Fixtures, "--archive", tmp.Path]).Invoke());
        Assert.StartsWith("import: up to date", output2.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
    }
}
