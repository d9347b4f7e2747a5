using System.Diagnostics;
using System.Globalization;
using PaperArchive.Ingest;
using PaperArchive.Model;

// Times reading every listing under a folder and merging the results, by hand:
//   dotnet run -c Release --project bench/Ingest -- [dir=tests/fixtures/hf-api] [rounds=15]
// Prints the first (cold, includes JIT) round and the best and median of the rest, wall and CPU.
var dir = args.Length > 0 ? args[0] : Path.Combine("tests", "fixtures", "hf-api");
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
var files = ListingReader.FindListings(dir);
if (files.Count == 0)
{
    Console.Error.WriteLine($"no listings under {dir}");
    return 1;
}

var process = Process.GetCurrentProcess();
var read = new List<(double Wall, double Cpu)>();
var merge = new List<(double Wall, double Cpu)>();
MergeResult? last = null;
for (var r = 0; r < rounds; r++)
{
    var cpu0 = process.TotalProcessorTime;
    var sw = Stopwatch.StartNew();
    var results = files.Select(ListingReader.Read).ToList();
    read.Add((sw.Elapsed.TotalMilliseconds, (process.TotalProcessorTime - cpu0).TotalMilliseconds));
    process.Refresh();
    cpu0 = process.TotalProcessorTime;
    sw.Restart();
    last = PaperMerger.Merge(ArchiveModel.Empty, results);
    merge.Add((sw.Elapsed.TotalMilliseconds, (process.TotalProcessorTime - cpu0).TotalMilliseconds));
    process.Refresh();
}

static string Row(string what, List<(double Wall, double Cpu)> t)
{
    var warm = t.Skip(1).OrderBy(x => x.Wall).ToList();
    var best = warm.Count > 0 ? warm[0] : t[0];
    var median = warm.Count > 0 ? warm[warm.Count / 2] : t[0];
    return string.Create(CultureInfo.InvariantCulture,
        $"{what,-6} cold {t[0].Wall,7:F1} ms (cpu {t[0].Cpu,7:F1})  best {best.Wall,7:F1} ms (cpu {best.Cpu,7:F1})  median {median.Wall,7:F1} ms");
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{files.Count} files, {files.Sum(f => new FileInfo(f).Length) / 1024} KiB -> {last!.Archive.Papers.Count} papers, {last.Archive.Days.Count} days, {last.Diagnostics.Count} merge diagnostics; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
Console.WriteLine(Row("read", read));
Console.WriteLine(Row("merge", merge));
return 0;
