using PaperArchive.Common;
using Spectre.Console;

namespace PaperArchive.Cli;

/// <summary>
/// The CLI's one way to talk to the user, shared by every command. On an interactive terminal it shows
/// Spectre.Console progress bars and colours; when output is redirected (CI logs, pipes, tests) it
/// writes plain, unwrapped lines so logs stay greppable (Spectre would wrap long lines at 80 columns).
/// The console is injected so tests capture the output.
/// </summary>
public sealed class ConsoleUi
{
    public ConsoleUi(IAnsiConsole console, bool interactive)
    {
        Console = console;
        Interactive = interactive;
    }

    public IAnsiConsole Console { get; }

    /// <summary>True when progress bars and colour are shown; false for plain lines.</summary>
    public bool Interactive { get; }

    /// <summary>
    /// The real terminal when <paramref name="console"/> is null (interactive only when stdout is a
    /// terminal), else the given console, which is treated as interactive only when its profile says so.
    /// </summary>
    public static ConsoleUi Create(IAnsiConsole? console = null)
    {
        if (console is not null)
        {
            return new ConsoleUi(console, console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi);
        }
        var real = AnsiConsole.Console;
        var interactive = !System.Console.IsOutputRedirected && real.Profile.Capabilities.Interactive;
        return new ConsoleUi(real, interactive);
    }

    /// <summary>
    /// Runs <paramref name="work"/>, showing its (done, total) progress as a bar on a terminal; with
    /// plain output it prints one line when the step starts and one when it ends.
    /// </summary>
    public T RunStep<T>(string description, Func<IProgress<(int Done, int Total)>, T> work)
    {
        if (!Interactive)
        {
            Line(description + " ...");
            var counter = new PlainProgress();
            var result = work(counter);
            Line(counter.Total > 0
                ? $"{description}: {counter.Done}/{counter.Total} done"
                : $"{description}: done");
            return result;
        }
        T value = default!;
        Console.Progress()
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(description), maxValue: 1);
                var progress = new TaskProgress(task);
                value = work(progress);
                task.Value = task.MaxValue;
            });
        return value;
    }

    /// <summary>One plain line, never interpreted as markup and never wrapped.</summary>
    public void Line(string text)
    {
        if (Interactive)
        {
            Console.Write(new Text(text + "\n"));
        }
        else
        {
            Console.Profile.Out.Writer.WriteLine(text);
            Console.Profile.Out.Writer.Flush();
        }
    }

    /// <summary>One line per diagnostic, "warning: file (item 3): message"; errors in red, warnings in yellow.</summary>
    public void Diagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            if (Interactive)
            {
                var colour = d.Severity switch
                {
                    Severity.Error => "red",
                    Severity.Warning => "yellow",
                    _ => "grey",
                };
                Console.MarkupLine($"[{colour}]{Markup.Escape(d.ToString())}[/]");
            }
            else
            {
                Line(d.ToString());
            }
        }
    }

    /// <summary>The closing summary line: green when all went well, red when there were errors.</summary>
    public void Summary(string text, bool ok)
    {
        if (Interactive)
        {
            Console.MarkupLine($"[{(ok ? "green" : "red")}]{Markup.Escape(text)}[/]");
        }
        else
        {
            Line(text);
        }
    }

    private sealed class PlainProgress : IProgress<(int Done, int Total)>
    {
        private int _done;
        private int _total;

        public int Done => Volatile.Read(ref _done);

        public int Total => Volatile.Read(ref _total);

        public void Report((int Done, int Total) value)
        {
            // Reports may arrive out of order from parallel workers: keep the largest.
            InterlockedMax(ref _done, value.Done);
            InterlockedMax(ref _total, value.Total);
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int current;
            while ((current = Volatile.Read(ref target)) < value &&
                   Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }
    }

    private sealed class TaskProgress(ProgressTask task) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value)
        {
            // ProgressTask locks internally, so reports from parallel readers are safe.
            task.MaxValue = Math.Max(1, value.Total);
            task.Value = Math.Max(task.Value, Math.Min(value.Done, task.MaxValue));
        }
    }
}
