using System.Diagnostics;

namespace PaperArchive.Rendering;

/// <summary>
/// <c>PAPERARCHIVE_TIME_TRACE=1</c>: where the render loop's time goes (CPU-seconds summed over its workers: listing
/// the outputs, fingerprinting pages, checking kept pages, rendering, recording, generated files), on stderr.
/// For profiling an incremental build; off, it costs one null check per step.
/// </summary>
internal sealed class RenderTrace
{
    public const int Listed = 0, Fingerprint = 1, Kept = 2, Rendered = 3, Written = 4, FileKey = 5, FileWritten = 6;
    private static readonly string[] Names = ["listing", "fingerprint", "unchanged check", "render", "record+write", "file keys", "file writes"];

    public static readonly bool Enabled = Environment.GetEnvironmentVariable("PAPERARCHIVE_TIME_TRACE") == "1";

    private readonly long[] _ticks = new long[Names.Length];
    private readonly int[] _counts = new int[Names.Length];

    private static long _mark = Stopwatch.GetTimestamp();

    /// <summary>Wall time since the previous mark, labelled (for the build's sub-steps).</summary>
    public static void Mark(string label)
    {
        if (!Enabled)
        {
            return;
        }
        var now = Stopwatch.GetTimestamp();
        Console.Error.WriteLine(FormattableString.Invariant($"render trace: {label,-32} {(now - _mark) / (double)Stopwatch.Frequency,7:F2} s wall"));
        _mark = now;
    }

    public long? Now() => Stopwatch.GetTimestamp();

    public void Add(int section, long? start)
    {
        Interlocked.Add(ref _ticks[section], Stopwatch.GetTimestamp() - start!.Value);
        Interlocked.Increment(ref _counts[section]);
    }

    /// <summary>The outputs, with the time each takes to list (Parallel.ForEach takes them one at a time under its lock).</summary>
    public IEnumerable<SiteOutput> Listing(IEnumerable<SiteOutput> outputs)
    {
        using var e = outputs.GetEnumerator();
        while (true)
        {
            var t = Now();
            var more = e.MoveNext();
            Add(Listed, t);
            if (!more)
            {
                yield break;
            }
            yield return e.Current;
        }
    }

    public void Print()
    {
        for (var i = 0; i < Names.Length; i++)
        {
            Console.Error.WriteLine(FormattableString.Invariant($"render trace: {Names[i],-16} {_ticks[i] / (double)Stopwatch.Frequency,7:F2} s  ({_counts[i]} calls)"));
        }
    }
}
