using System.CommandLine;
using PaperArchive.Cli.Commands;
using Spectre.Console;

namespace PaperArchive.Cli;

public static class Program
{
    public static int Main(string[] args) => BuildRoot().Parse(args).Invoke();

    /// <summary>The command tree; tests invoke it in-process with a console that captures output.</summary>
    public static RootCommand BuildRoot(IAnsiConsole? console = null)
    {
        var root = new RootCommand("paperarchive: a static, searchable archive of daily research-paper listings");
        root.Subcommands.Add(FetchCommand.Create());
        root.Subcommands.Add(ImportCommand.Create(console));
        root.Subcommands.Add(BuildCommand.Create(console));
        root.Subcommands.Add(ServeCommand.Create(console));
        root.Subcommands.Add(CheckCommand.Create(console));
        root.Subcommands.Add(NewThemeCommand.Create(console));
        return root;
    }
}
