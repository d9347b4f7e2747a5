using System.Diagnostics;
using System.Globalization;
using PaperArchive.Model;
using PaperArchive.Topics;

namespace PaperArchive.Bench.Topics;

/// <summary>
/// Run by hand: <c>dotnet run -c Release --project bench/Topics -- [bench [papers] [runs] | dump [slug]]</c>.
/// "bench" times topic assignment + keywords + similar papers over a synthetic corpus built from the
/// real fixtures and prints the median; "dump" prints every default topic's matches on the fixtures
/// (for reading them) and the similar papers of a few.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = FixtureCorpus.FindRepoRoot();
        var mode = args.Length > 0 ? args[0] : "bench";
        var real = FixtureCorpus.Load(root);
        var (topics, diagnostics) = TopicRules.Load(Path.Combine(root, "input", "topics.yml"));
        foreach (var d in diagnostics)
        {
            Console.Error.WriteLine(d);
        }
        return mode switch
        {
            "dump" => Dump(real, topics, args.Length > 1 ? args[1] : null),
            "similar" => Similar(real, topics, args.Skip(1).ToArray()),
            "keywords" => Keywords(real, topics),
            "simcache" => SimilarFromCache(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1, args.Length > 4),
            "step" => StepRun(args[1], args[2], args[3], args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 1),
            "archive" => ArchiveRun(args[1], args.Length > 2 ? args[2] : Path.Combine(root, "input", "topics.yml"), args.Length > 3 ? args[3] : null, args.Length > 4 ? args[4] : null),
            _ => Bench(real, topics, args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20000, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5),
        };
    }

    private static int Bench(List<Paper> real, IReadOnlyList<Topic> topics, int count, int runs)
    {
        var corpus = FixtureCorpus.Scale(real, count);
        var archive = new ArchiveModel(corpus.ToValueList(), ValueList<DayListing>.Empty);
        Console.WriteLine($"{count} papers, {topics.Count} topics, {Environment.ProcessorCount} cores");
        var times = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            var result = TopicAnalyzer.Run(archive, topics);
            sw.Stop();
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            times.Add(sw.Elapsed.TotalSeconds);
            var assigned = result.Analysis.ByPaper.Values.Count(a => a.TopicSlugs.Count > 0);
            // A digest of every list, so that an optimisation can be checked to change no output.
            var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join("\n",
                result.Analysis.ByPaper.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e =>
                    e.Key + ":" + string.Join(",", e.Value.TopicSlugs) + "|" + string.Join(",", e.Value.Keywords) + "|" + string.Join(",", e.Value.SimilarIds))))))[..16];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run + 1}: {sw.Elapsed.TotalSeconds:0.00} s wall, {cpuSeconds:0.00} s CPU, load average {LoadAverage()}, allocated {allocated / 1048576.0:0} MiB, peak working set {Environment.WorkingSet / 1048576.0:0} MiB, papers with a topic {assigned}, keyword pages {result.Analysis.KeywordPages.Count}, output digest {digest}"));
        }
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median {times[times.Count / 2]:0.00} s (min {times[0]:0.00}, max {times[^1]:0.00})"));
        return 0;
    }

    /// <summary>
    /// <c>archive DIR [topics.yml] [dump-file] [cache-file]</c>: the topics stage over a real archive folder (e.g. the 20k scale corpus),
    /// timed (wall, CPU, allocations), with every paper's topics, keywords and similar papers plus the keyword pages
    /// written to the dump file, so two versions of the stage can be compared line by line. With a cache file,
    /// the run starts from it (if present) and rewrites it: run once over an archive, then over it plus a day.
    /// </summary>
    private static int ArchiveRun(string dir, string topicsFile, string? dumpFile, string? cacheFile)
    {
        var read = PaperArchive.Archive.ArchiveReader.Read(dir);
        var archive = read.Archive;
        var (topics, diagnostics) = TopicRules.Load(topicsFile);
        foreach (var d in diagnostics)
        {
            Console.Error.WriteLine(d);
        }
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var cache = cacheFile is null ? null : TopicAnalysisCache.Load(cacheFile);
        var result = TopicAnalyzer.Run(archive, topics, cache: cache);
        sw.Stop();
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        if (Environment.GetEnvironmentVariable("BENCH_SIMILAR") is { } rounds)
        {
            // Similar papers alone, one thread, from the similarity terms just computed.
            var ids = archive.Papers.Select(p => p.Id).Order(StringComparer.Ordinal).ToList();
            var terms = ids.Select(id => result.Cache.TryGetSimilarityTerms(id, out var t) ? t.ToArray() : []).ToList();
            for (var r = 0; r < int.Parse(rounds, CultureInfo.InvariantCulture); r++)
            {
                // The pruned scorer (what builds use) and the exhaustive reference, same input, one thread.
                foreach (var (name, compute) in new (string, Func<string[][]>)[]
                {
                    ("fast", () => SimilarPapers.Compute(terms, ids, TopicAnalysisOptions.Default, 1)),
                    ("exhaustive", () => SimilarPapers.ComputeExhaustive(terms, ids, TopicAnalysisOptions.Default, 1)),
                })
                {
                    var c0 = Process.GetCurrentProcess().TotalProcessorTime;
                    var lists = compute();
                    var c1 = (Process.GetCurrentProcess().TotalProcessorTime - c0).TotalSeconds;
                    var h = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lists.Select(l => string.Join(",", l))))))[..16];
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"similar papers alone ({name}): {c1:0.00} s CPU, digest {h}, load {LoadAverage()}"));
                }
            }
        }
        if (cacheFile is not null)
        {
            var saving = Stopwatch.StartNew();
            result.Cache.Save(cacheFile);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cache: {cache!.Count} papers loaded (included in the time), {result.Cache.Count} saved in {saving.Elapsed.TotalSeconds:0.00} s, {new FileInfo(cacheFile).Length / 1048576.0:0.0} MiB"));
        }
        var lines = result.Analysis.ByPaper.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e =>
                e.Key + ":" + string.Join(",", e.Value.TopicSlugs) + "|" + string.Join(",", e.Value.Keywords) + "|" + string.Join(",", e.Value.SimilarIds))
            .Concat(result.Analysis.KeywordPages.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => "page " + e.Key + " -> " + e.Value))
            .Concat(result.Diagnostics.Select(d => "diagnostic " + d))
            .ToList();
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines))))[..16];
        if (dumpFile is not null)
        {
            File.WriteAllLines(dumpFile, lines);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{archive.Papers.Count} papers: {sw.Elapsed.TotalSeconds:0.00} s wall, {cpuSeconds:0.00} s CPU, load average {LoadAverage()}, allocated {allocated / 1048576.0:0} MiB, output digest {digest}"));
        return 0;
    }

    /// <summary>
    /// <c>step ARCHIVE-DIR topics.yml CACHE-FILE [rounds]</c>: the build's topics step as SiteBuilder runs it in an incremental
    /// build (load the cache, analyse, serialise the next cache, write the archive's topic pages), timed part by part
    /// (wall and process CPU); the cache file is read, never rewritten, so rounds and runs repeat the same incremental step.
    /// Make the cache with <c>archive</c> mode over the archive without the new day (the cache is tied to this build).
    /// </summary>
    private static int StepRun(string dir, string topicsFile, string cacheFile, int rounds)
    {
        var archive = PaperArchive.Archive.ArchiveReader.Read(dir).Archive;
        var (topics, _) = TopicRules.Load(topicsFile);
        for (var r = 0; r < rounds; r++)
        {
            GC.Collect();
            var process = Process.GetCurrentProcess();
            var parts = new List<string>();
            var cpu0 = process.TotalProcessorTime;
            var total = Stopwatch.StartNew();
            T Part<T>(string name, Func<T> f)
            {
                var c = Process.GetCurrentProcess().TotalProcessorTime;
                var w = Stopwatch.StartNew();
                var value = f();
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {w.Elapsed.TotalSeconds:0.000}/{(Process.GetCurrentProcess().TotalProcessorTime - c).TotalSeconds:0.000}"));
                return value;
            }
            var cache = Part("load", () => TopicAnalysisCache.Load(cacheFile));
            var result = Part("run", () => TopicAnalyzer.Run(archive, topics, cache: cache));
            var bytes = Part("toBytes", () => result.Cache!.ToBytes());
            Part("pages", () => TopicPageWriter.Write(archive, result.Analysis, dir));
            total.Stop();
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
            var lines = result.Analysis.ByPaper.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e =>
                    e.Key + ":" + string.Join(",", e.Value.TopicSlugs) + "|" + string.Join(",", e.Value.Keywords) + "|" + string.Join(",", e.Value.SimilarIds))
                .Concat(result.Analysis.KeywordPages.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => "page " + e.Key + " -> " + e.Value))
                .Concat(result.Diagnostics.Select(d => "diagnostic " + d));
            var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines))))[..16];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"step {total.Elapsed.TotalSeconds:0.000} s wall, {cpu:0.000} s CPU ({string.Join(", ", parts)}; wall/CPU), cache {cache.Count} -> {result.Cache!.Count} ({bytes.Length} bytes), load {LoadAverage()}, digest {digest}"));
        }
        return 0;
    }

    /// <summary>
    /// <c>simcache CACHE-FILE rounds [threads] [exhaustive]</c>: similar papers alone over the similarity terms of a cache file
    /// (every paper it holds), <c>rounds</c> times in one process; CPU seconds and a digest of the lists per round, and once the
    /// exhaustive reference's digest when asked.
    /// </summary>
    private static int SimilarFromCache(string cacheFile, int rounds, int threads, bool exhaustive)
    {
        // Whatever build wrote it: the file's own engine (after the magic and the format number).
        using var header = new BinaryReader(File.OpenRead(cacheFile));
        header.ReadBytes(8);
        var cache = TopicAnalysisCache.Load(cacheFile, header.ReadString());
        var ids = cache.PaperIds.Order(StringComparer.Ordinal).ToList();
        var terms = ids.Select(id => cache.TryGetSimilarityTerms(id, out var t) ? t.ToArray() : []).ToList();
        var runs = new List<(string, Func<string[][]>)>();
        for (var r = 0; r < rounds; r++)
        {
            runs.Add(("fast", () => SimilarPapers.Compute(terms, ids, TopicAnalysisOptions.Default, threads)));
        }
        if (exhaustive)
        {
            runs.Add(("exhaustive", () => SimilarPapers.ComputeExhaustive(terms, ids, TopicAnalysisOptions.Default, threads)));
        }
        foreach (var (name, compute) in runs)
        {
            var c0 = Process.GetCurrentProcess().TotalProcessorTime;
            var w = Stopwatch.StartNew();
            var lists = compute();
            var c1 = (Process.GetCurrentProcess().TotalProcessorTime - c0).TotalSeconds;
            var h = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lists.Select(l => string.Join(",", l))))))[..16];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ids.Count} papers, similar ({name}, {threads} thread(s)): {w.Elapsed.TotalSeconds:0.000} s wall, {c1:0.000} s CPU, digest {h}, load {LoadAverage()}"));
        }
        return 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static int Dump(List<Paper> real, IReadOnlyList<Topic> topics, string? only)
    {
        var archive = new ArchiveModel(real.ToValueList(), ValueList<DayListing>.Empty);
        var result = TopicAnalyzer.Run(archive, topics);
        foreach (var d in result.Diagnostics)
        {
            Console.WriteLine(d);
        }
        var byId = real.ToDictionary(p => p.Id);
        Console.WriteLine($"{real.Count} papers; {result.Analysis.ByPaper.Values.Count(a => a.TopicSlugs.Count == 0)} without topic");
        foreach (var topic in topics.Where(t => only is null || t.Slug == only))
        {
            var ids = result.Analysis.ByPaper.Values.Where(a => a.TopicSlugs.Contains(topic.Slug)).Select(a => a.PaperId).Order(StringComparer.Ordinal).ToList();
            Console.WriteLine($"\n== {topic.Slug} ({ids.Count})");
            foreach (var id in ids)
            {
                Console.WriteLine($"  {id}  {byId[id].Title}");
            }
        }
        if (only == "none")
        {
            foreach (var a in result.Analysis.ByPaper.Values.Where(a => a.TopicSlugs.Count == 0).OrderBy(a => a.PaperId, StringComparer.Ordinal))
            {
                Console.WriteLine($"  {a.PaperId}  {byId[a.PaperId].Title}");
            }
        }
        return 0;
    }

    private static int Similar(List<Paper> real, IReadOnlyList<Topic> topics, string[] ids)
    {
        var archive = new ArchiveModel(real.ToValueList(), ValueList<DayListing>.Empty);
        var analysis = TopicAnalyzer.Analyze(archive, topics);
        var byId = real.ToDictionary(p => p.Id);
        foreach (var id in ids)
        {
            Console.WriteLine($"\n{id}  {byId[id].Title}");
            foreach (var s in analysis.For(id).SimilarIds)
            {
                Console.WriteLine($"   {s}  {byId[s].Title}");
            }
        }
        return 0;
    }

    private static int Keywords(List<Paper> real, IReadOnlyList<Topic> topics)
    {
        var archive = new ArchiveModel(real.ToValueList(), ValueList<DayListing>.Empty);
        var analysis = TopicAnalyzer.Analyze(archive, topics);
        foreach (var (keyword, slug) in analysis.KeywordPages.OrderBy(e => e.Value, StringComparer.Ordinal))
        {
            var n = analysis.ByPaper.Values.Count(a => a.Keywords.Contains(keyword));
            Console.WriteLine($"{slug,-40} {n,4}  {keyword}");
        }
        return 0;
    }
}
