using System.CommandLine;

namespace PaperArchive.Cli.Commands;

/// <summary>`paperarchive import`: Import raw listings into the Markdown archive. TODO: not implemented yet.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var command = new Command("import", "Import raw listings into the Markdown archive");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("paperarchive import: not implemented yet");
            return 2;
        });
        return command;
    }
}
