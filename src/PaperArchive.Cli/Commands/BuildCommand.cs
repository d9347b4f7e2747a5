using System.CommandLine;

namespace PaperArchive.Cli.Commands;

/// <summary>`paperarchive build`: Import when inputs changed, then render the site. TODO: not implemented yet.</summary>
public static class BuildCommand
{
    public static Command Create()
    {
        var command = new Command("build", "Import when inputs changed, then render the site");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("paperarchive build: not implemented yet");
            return 2;
        });
        return command;
    }
}
