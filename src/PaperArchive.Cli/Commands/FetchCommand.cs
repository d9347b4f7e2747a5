using System.CommandLine;

namespace PaperArchive.Cli.Commands;

/// <summary>`paperarchive fetch`: Download daily listings into input/listings/. TODO: not implemented yet.</summary>
public static class FetchCommand
{
    public static Command Create()
    {
        var command = new Command("fetch", "Download daily listings into input/listings/");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("paperarchive fetch: not implemented yet");
            return 2;
        });
        return command;
    }
}
