using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using PaperArchive.Build;
using PaperArchive.Serve;
using Spectre.Console;

namespace PaperArchive.Cli.Commands;

/// <summary>`paperarchive serve`: build, serve on 127.0.0.1, rebuild and reload open pages on change (see <see cref="PreviewServer"/>).</summary>
public static class ServeCommand
{
    public const int DefaultPort = 8080;

    public static Command Create(IAnsiConsole? console = null)
    {
        var input = new Option<string>("--input") { Description = "Folder with listings/, site.yml, topics.yml", DefaultValueFactory = _ => "input" };
        var archive = new Option<string>("--archive") { Description = "The Markdown archive", DefaultValueFactory = _ => "archive" };
        var output = new Option<string>("--output") { Description = "Where the site is written and served from", DefaultValueFactory = _ => "site" };
        var theme = new Option<string?>("--theme") { Description = "Theme name (default: site.yml's theme)" };
        var themes = new Option<string?>("--themes-dir") { Description = "Folder holding the themes (default: ./themes)" };
        var port = new Option<int?>("--port") { Description = $"Port (default {DefaultPort}, or a free one when it is taken; 0 = any free port)" };
        var host = new Option<string>("--host") { Description = "Address to bind (default: loopback only)", DefaultValueFactory = _ => "127.0.0.1" };
        var check = new Option<bool>("--check") { Description = "Also run the link and HTML check on every rebuild (slower; off by default, see paperarchive check)" };
        var basePath = new Option<string?>("--base-path") { Description = "Serve under this path, e.g. /repo/ (default: the path of site.yml's base_url)" };
        var command = new Command("serve", "Build, serve on 127.0.0.1, rebuild and reload open pages when input/, themes or site.yml change")
        {
            input, archive, output, theme, themes, port, host, basePath, check,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var ui = console ?? AnsiConsole.Console;
            var build = new BuildOptions
            {
                InputDir = parse.GetValue(input)!,
                ArchiveDir = parse.GetValue(archive)!,
                OutputDir = parse.GetValue(output)!,
                Theme = parse.GetValue(theme),
                ThemesDir = parse.GetValue(themes),
                // The link check costs about as much as rendering; `paperarchive check` runs it on demand.
                SkipCheck = !parse.GetValue(check),
            };
            var hostValue = parse.GetValue(host)!;
            if (hostValue != "localhost" && !IPAddress.TryParse(hostValue, out _))
            {
                ui.MarkupLine($"[red]error:[/] --host {Markup.Escape(hostValue)}: expected an IP address such as 127.0.0.1");
                return 2;
            }
            if (hostValue is not ("127.0.0.1" or "::1" or "localhost"))
            {
                ui.MarkupLine($"[yellow]warning:[/] serving on {Markup.Escape(hostValue)}: other machines can reach this preview");
            }
            var options = new ServeOptions
            {
                Build = build,
                Host = hostValue,
                Port = parse.GetValue(port) ?? DefaultPort,
                BasePath = ServeOptions.NormalizeBasePath(parse.GetValue(basePath) ?? ConfiguredBasePath(build.InputDir)),
            };

            // Ctrl+C stops the server cleanly (a build under way finishes, its staging folder is removed).
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            // `kill`, `docker stop` and CI runners send SIGTERM: stop the same clean way.
            using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });
            try
            {
                void Log(string line) => ui.MarkupLine($"[grey]{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}[/] {Markup.Escape(line)}");
                ui.MarkupLine($"Building {Markup.Escape(build.InputDir)} → {Markup.Escape(build.OutputDir)} …");
                PreviewServer server;
                try
                {
                    server = await PreviewServer.StartAsync(options, Log);
                }
                catch (HttpListenerException) when (parse.GetValue(port) is null)
                {
                    Log($"port {DefaultPort} is taken; using a free port");
                    server = await PreviewServer.StartAsync(options with { Port = 0 }, Log);
                }
                catch (HttpListenerException e)
                {
                    ui.MarkupLine($"[red]error:[/] cannot listen on {Markup.Escape(hostValue)}:{options.Port}: {Markup.Escape(e.Message)} (try --port 0)");
                    return 1;
                }
                ui.MarkupLine($"[green]Serving[/] {Markup.Escape(server.SiteDir)} at [link]{Markup.Escape(server.Url)}[/]");
                ui.MarkupLine($"Watching {Markup.Escape(string.Join(", ", server.WatchedFolders))} — press Ctrl+C to stop");
                await server.RunAsync(stop.Token);
                ui.MarkupLine("Stopped.");
                return 0;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        });
        return command;
    }

    /// <summary>The path of site.yml's base_url ("https://x.github.io/repo/" → "/repo/"), so the preview matches the published URLs.</summary>
    private static string ConfiguredBasePath(string inputDir)
    {
        var (config, _) = SiteConfigLoader.Load(Path.Combine(inputDir, "site.yml"));
        return Uri.TryCreate(config.BaseUrl, UriKind.Absolute, out var uri) ? uri.AbsolutePath : "/";
    }
}
