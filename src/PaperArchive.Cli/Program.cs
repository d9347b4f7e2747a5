using System.CommandLine;
using PaperArchive.Cli.Commands;

namespace PaperArchive.Cli;

public static class Program
{
    public static int Main(string[] args) => BuildRoot().Parse(args).Invoke();

    /// <summary>The command tree; tests invoke it in-process.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("paperarchive: a static, searchable archive of daily research-paper listings");
        root.Subcommands.Add(FetchCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(BuildCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        return root;
    }
}
