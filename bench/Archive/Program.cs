using System.Diagnostics;
using System.Globalization;
using PaperArchive.Archive;

// Times the import side of an incremental build, by hand (issue #7):
//   bench/Archive/run.sh <corpus> [runs=7]
// <corpus> is a copy of bench/out/scale/20000 (input/, archive.base/, next/). Each run puts the
// archive back to "after a full build" (bench.archive = archive.base, its page cache refreshed, not
// timed), adds the held-back day to the input, and times, in this process, what a build does:
// ArchivePageCache.Load, ArchiveImporter.Import and ArchivePageCache.Save. Prints wall and CPU
// (user+sys of every thread) per run and the medians of runs 2.. (run 1 includes JIT start-up), and
// checks the imported archive equals a cold read of the pages.
var corpus = Path.GetFullPath(args[0]);
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
var pre = Path.Combine(corpus, "archive.base");
var archive = Path.Combine(corpus, "bench.archive");
var input = Path.Combine(corpus, "bench.input");
var cacheFile = Path.Combine(corpus, "bench.cache", ArchivePageCache.FileName);
if (!Directory.Exists(input))
{
    Run("cp", "-a", Path.Combine(corpus, "input"), input);
    Directory.CreateDirectory(Path.Combine(input, "listings", "next"));
    foreach (var f in Directory.GetFiles(Path.Combine(corpus, "next")))
    {
        File.Copy(f, Path.Combine(input, "listings", "next", Path.GetFileName(f)));
    }
}
if (!Directory.Exists(archive))
{
    Run("cp", "-a", pre, archive);
}

var process = Process.GetCurrentProcess();
var rows = new List<double[]>();
for (var run = 0; run < runs; run++)
{
    Restore(pre, archive);
    // The cache as the full build before left it (not timed).
    ArchiveReader.Read(archive, ArchivePageCache.Load(cacheFile)).Cache.Save(cacheFile);
    Thread.Sleep(1500);
    // As at the start of a build: no model of an earlier run on the heap.
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();

    var t = new double[6];
    var sw = Stopwatch.StartNew();
    process.Refresh();
    var cpu = process.TotalProcessorTime;
    void Lap(int i)
    {
        process.Refresh();
        var now = process.TotalProcessorTime;
        (t[i], t[i + 1]) = (sw.Elapsed.TotalMilliseconds, (now - cpu).TotalMilliseconds);
        cpu = now;
        sw.Restart();
    }
    var gc0 = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
    var alloc0 = GC.GetTotalAllocatedBytes(true);
    var cache = ArchivePageCache.Load(cacheFile);
    Lap(0);
    Console.WriteLine($"  load allocated {(GC.GetTotalAllocatedBytes(true) - alloc0) / 1e6:F0} MB");
    Console.WriteLine($"  load GCs: {GC.CollectionCount(0) - gc0.Item1}/{GC.CollectionCount(1) - gc0.Item2}/{GC.CollectionCount(2) - gc0.Item3}, pause {(GC.GetTotalPauseDuration() - gc0.Item4).TotalMilliseconds:F0} ms");
    alloc0 = GC.GetTotalAllocatedBytes(true);
    var report = ArchiveImporter.Import(new ImportOptions(input, archive) { Cache = cache });
    Lap(2);
    Console.WriteLine($"  import allocated {(GC.GetTotalAllocatedBytes(true) - alloc0) / 1e6:F0} MB");
    report.Cache.Save(cacheFile);
    Lap(4);
    rows.Add(t);
    Console.WriteLine(FormattableString.Invariant(
        $"run {run + 1}: load {t[0],6:F0} ms wall {t[1],6:F0} ms cpu | import {t[2],6:F0} / {t[3],6:F0} | save {t[4],6:F0} / {t[5],6:F0} | cpu total {t[1] + t[3] + t[5],6:F0} ms  ({report.ListingsRead} listings read, {report.FilesWritten} written, {report.Papers} papers, skipped={report.Skipped}, {report.Errors} errors, load {File.ReadAllText("/proc/loadavg")[..4]})"));
    if (run == 0 || run == runs - 1)
    {
        var cold = ArchiveReader.Read(archive);
        Console.WriteLine(cold.Archive.Equals(report.Archive) ? "  model == cold read" : "  MODEL DIFFERS FROM COLD READ");
    }
}
if (rows.Count > 1)
{
    double Median(int i) => rows.Skip(1).Select(r => r[i]).Order().ElementAt((rows.Count - 1) / 2);
    Console.WriteLine(FormattableString.Invariant(
        $"median of runs 2..{rows.Count}: load {Median(0):F0} / {Median(1):F0} ms cpu | import {Median(2):F0} / {Median(3):F0} | save {Median(4):F0} / {Median(5):F0} | cpu total {Median(1) + Median(3) + Median(5):F0} ms"));
}
return 0;

// Puts `to` back to `from`, touching only files that differ (so untouched pages keep their inode and times).
static void Restore(string from, string to)
{
    var want = Files(from);
    var have = Files(to);
    foreach (var rel in have.Where(r => !want.Contains(r)))
    {
        File.Delete(Path.Combine(to, rel));
    }
    foreach (var rel in want)
    {
        var a = Path.Combine(from, rel);
        var b = Path.Combine(to, rel);
        if (!have.Contains(rel) || new FileInfo(a).Length != new FileInfo(b).Length || !File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b)))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(b)!);
            File.Copy(a, b, overwrite: true);
        }
    }
}

static HashSet<string> Files(string dir) =>
    Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f)).ToHashSet(StringComparer.Ordinal);

static void Run(string file, params string[] args)
{
    using var p = Process.Start(new ProcessStartInfo(file, args))!;
    p.WaitForExit();
    if (p.ExitCode != 0)
    {
        throw new InvalidOperationException(file + " failed");
    }
}
