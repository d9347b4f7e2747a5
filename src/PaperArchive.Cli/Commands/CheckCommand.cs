using System.CommandLine;

namespace PaperArchive.Cli.Commands;

/// <summary>`paperarchive check`: Check links and HTML of a built site. TODO: not implemented yet.</summary>
public static class CheckCommand
{
    public static Command Create()
    {
        var command = new Command("check", "Check links and HTML of a built site");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("paperarchive check: not implemented yet");
            return 2;
        });
        return command;
    }
}
