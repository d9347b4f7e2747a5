using System.CommandLine;

namespace PaperArchive.Cli.Commands;

/// <summary>`paperarchive serve`: Build, serve on 127.0.0.1 and reload on change. TODO: not implemented yet.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Build, serve on 127.0.0.1 and reload on change");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("paperarchive serve: not implemented yet");
            return 2;
        });
        return command;
    }
}
