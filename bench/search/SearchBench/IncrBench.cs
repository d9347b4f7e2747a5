using System.Diagnostics;
using System.Text.Json;
using PaperArchive.Archive;
using PaperArchive.Model;
using PaperArchive.Reader;
using PaperArchive.Rendering;
using PaperArchive.Search;
using PaperArchive.Topics;

/// <summary>The search + reader steps of an incremental build (see Program.cs, mode "incr").</summary>
internal static class IncrBench
{
    public static void Run(string corpus, string stateDir, int runs)
    {
        var sw = Stopwatch.StartNew();
        var pages = ArchivePageCache.Load(Path.Combine(corpus, "site", ".paperarchive", "archive-pages.bin"));
        var archive = ArchiveReader.Read(Path.Combine(corpus, "archive"), pages).Archive;
        var (topics, _) = TopicRules.Load(Path.Combine(corpus, "input", "topics.yml"));
        // The topics cache of the corpus's last build, whatever program wrote it (its engine key holds that
        // program's MVID): the analysis is only this step's input.
        var topicsFile = Path.Combine(corpus, "site", ".paperarchive", TopicAnalysisCache.FileName);
        var analysis = TopicAnalyzer.Run(archive, topics, cache: TopicAnalysisCache.Load(topicsFile, EngineOf(topicsFile))).Analysis;
        Console.WriteLine($"setup: {archive.Papers.Count} papers, {sw.ElapsedMilliseconds} ms");
        var site = Path.Combine(stateDir, "site");
        var hashesFile = Path.Combine(stateDir, "hashes.json");
        var cacheFile = Path.Combine(site, ".paperarchive", SearchAnalysisCache.FileName);
        if (!Directory.Exists(site))
        {
            var newest = archive.Papers.Max(p => p.FirstSeen);
            var before = archive with { Papers = archive.Papers.Where(p => p.FirstSeen != newest).ToValueList() };
            Console.WriteLine($"published: {before.Papers.Count} papers (without {newest})");
            var files = new SiteFileWriter(site);
            var cache = SearchAnalysisCache.Empty();
            Step(before, analysis, files, cache);
            SearchAnalysisCache.Write(cacheFile, cache.ToBytes());
            File.WriteAllText(hashesFile, JsonSerializer.Serialize(files.Hashes.ToDictionary()));
            return;
        }
        var previous = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(hashesFile))!;
        var proc = Process.GetCurrentProcess();
        TimeSpan Cpu() { proc.Refresh(); return proc.TotalProcessorTime; }
        for (var run = 0; run < runs; run++)
        {
            var staging = Path.Combine(stateDir, "staging");
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, true);
            }
            Directory.CreateDirectory(staging);
            GC.Collect();
            // INCR_COLD=1: as a full build (no cache, no published site), to compare the output
            var cold = Environment.GetEnvironmentVariable("INCR_COLD") == "1";
            var files = cold ? new SiteFileWriter(staging) : new SiteFileWriter(staging, site, previous);
            var (c0, w0, a0) = (Cpu(), Stopwatch.StartNew(), GC.GetTotalAllocatedBytes(true));
            var cache = cold ? SearchAnalysisCache.Empty() : SearchAnalysisCache.Load(cacheFile);
            var (c1, w1) = (Cpu(), w0.ElapsedMilliseconds);
            var phases = Step(archive, analysis, files, cache);
            var (c2, w2) = (Cpu(), w0.ElapsedMilliseconds);
            var bytes = cache.ToBytes();
            var (c3, w3, a3) = (Cpu(), w0.ElapsedMilliseconds, GC.GetTotalAllocatedBytes(true));
            if (run == 0)
            {
                var changed = files.Hashes.Where(kv => !previous.TryGetValue(kv.Key, out var h) || h != kv.Value).Select(kv => kv.Key).ToList();
                Console.WriteLine("changed: " + string.Join(", ", changed.GroupBy(p => p.Split('/')[0] + "/" + p.Split('/')[1][0]).Select(g => g.Key + " " + g.Count())));
                if (Environment.GetEnvironmentVariable("INCR_LIST") is { } list)
                {
                    File.WriteAllLines(list, changed);
                }
                if (Environment.GetEnvironmentVariable("INCR_DUMP") is { } dump)
                {
                    // every file's hash, to compare two builds of the same data
                    File.WriteAllLines(dump, files.Hashes.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + " " + kv.Value));
                }
            }
            Console.WriteLine($"run {run}: load {w1} ms/{(c1 - c0).TotalMilliseconds:F0} cpu; {phases}; toBytes {w3 - w2}/{(c3 - c2).TotalMilliseconds:F0}; TOTAL wall {w3} ms cpu {(c3 - c0).TotalMilliseconds:F0} ms alloc {(a3 - a0) >> 20} MB; kept {files.Kept} of {files.Hashes.Count}, cache hits {cache.Hits}/{cache.Current}, {bytes.Length} bytes");
        }
    }

    private static string? EngineOf(string topicsFile)
    {
        if (!File.Exists(topicsFile))
        {
            return null;
        }
        using var reader = new BinaryReader(File.OpenRead(topicsFile));
        reader.ReadBytes(4 + 4); // magic, format
        return reader.ReadString();
    }

    /// <summary>What SiteBuilder.WriteSearch does; returns the phase times.</summary>
    private static string Step(ArchiveModel archive, ArchiveAnalysis analysis, SiteFileWriter files, SearchAnalysisCache cache)
    {
        var proc = Process.GetCurrentProcess();
        TimeSpan Cpu() { proc.Refresh(); return proc.TotalProcessorTime; }
        var times = new List<string>();
        var (c, w) = (Cpu(), Stopwatch.StartNew());
        void Mark(string name)
        {
            var now = Cpu();
            times.Add($"{name} {w.ElapsedMilliseconds}/{(now - c).TotalMilliseconds:F0}");
            (c, w) = (now, Stopwatch.StartNew());
        }
        var data = SearchIndexBuilder.Build(archive, analysis, cache);
        Mark("build");
        SearchIndexWriter.Write(data, SearchIndexOptions.Default, files, cache);
        Mark("render+write");
        var reader = ReaderVectorWriter.Render(data);
        Mark("reader");
        WriteAll(reader, SiteUrls.ReaderDir);
        Mark("write");
        return string.Join("; ", times);

        void WriteAll(SortedDictionary<string, string> r, string dir) =>
            Parallel.ForEach(r, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(4, Environment.ProcessorCount) }, f => files.Write(dir + "/" + f.Key, f.Value));
    }
}
