using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using PaperArchive.Bench.Corpus;
using PaperArchive.Model;
using PaperArchive.Rendering;
using PaperArchive.Search;

// Usage:
//   SearchBench site  <papers|0=fixtures> <outDir>   writes outDir/site (paper pages + our index) and outDir/queries.json
//   SearchBench index <papers|0=fixtures> <outDir>   rebuilds only our index (run under /usr/bin/time -v)
//   SearchBench phases <papers> <outDir>              the index step split into analysis, rendering and writing
//   SearchBench cached <papers> <outDir>              search + reader steps with outDir/search-analysis.bin (run twice)
var mode = args.Length > 0 ? args[0] : "site";
if (mode == "incr")
{
    // SearchBench incr <corpus> <stateDir> [runs]: the search + reader steps of an incremental build of a
    // scaled corpus (bench/scale: <corpus>/archive, input/topics.yml, site/.paperarchive caches), as
    // SiteBuilder runs them. The first call (no <stateDir>/site) builds the "published" index of the archive
    // minus its newest day with no cache; later calls time the step over it (the newest day added).
    IncrBench.Run(args[1], args[2], args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 1);
    return;
}
var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 0;
var outDir = Path.GetFullPath(args.Length > 2 ? args[2] : "bench/out/search");
var repo = FindRepo();
var fixtures = CorpusScaler.LoadFixtures(Path.Combine(repo, "tests", "fixtures"));
var (archive, queries) = count == 0
    ? (new ArchiveModel(fixtures.ToValueList(), ValueList<DayListing>.Empty), (IReadOnlyList<CorpusScaler.KnownItem>)[])
    : CorpusScaler.Scale(fixtures, count);
var analysis = ArchiveAnalysis.Empty;
var site = Path.Combine(outDir, "site");
Directory.CreateDirectory(site);

if (mode == "phases")
{
    // where the index step's time goes, cold (JIT included), one process
    var proc = Process.GetCurrentProcess();
    TimeSpan Cpu() { proc.Refresh(); return proc.TotalProcessorTime; }
    string Rt() => $"[alloc={GC.GetTotalAllocatedBytes(true) / 1048576}MB gc={GC.CollectionCount(0)} gcPause={GC.GetTotalPauseDuration().TotalMilliseconds:F0} jit={System.Runtime.JitInfo.GetCompiledMethodCount()} jitMs={System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0}]";
    var rt0 = Rt();
    var c0 = Cpu();
    var w0 = Stopwatch.StartNew();
    var built = SearchIndexBuilder.Build(archive, analysis);
    var (c1, w1) = (Cpu(), w0.ElapsedMilliseconds);
    var rt1 = Rt();
    var texts = SearchIndexWriter.Render(built, SearchIndexOptions.Default);
    var (c2, w2) = (Cpu(), w0.ElapsedMilliseconds);
    var rt2 = Rt();
    var tmpDir = Path.Combine(outDir, "phases-tmp");
    Directory.CreateDirectory(tmpDir);
    foreach (var (name, text) in texts)
    {
        File.WriteAllText(Path.Combine(tmpDir, name), text);
    }
    var (c3, w3) = (Cpu(), w0.ElapsedMilliseconds);
    Directory.Delete(tmpDir, true);
    if (Environment.GetEnvironmentVariable("PHASES_WARM") == "1")
    {
        var (cw, ww) = (Cpu(), w0.ElapsedMilliseconds);
        SearchIndexBuilder.Build(archive, analysis);
        Console.WriteLine($"analyse again (warm) wall={w0.ElapsedMilliseconds - ww} cpu={(Cpu() - cw).TotalMilliseconds:F0}");
    }
    Console.WriteLine($"analyse wall={w1} cpu={(c1 - c0).TotalMilliseconds:F0}; render wall={w2 - w1} cpu={(c2 - c1).TotalMilliseconds:F0}; write wall={w3 - w2} cpu={(c3 - c2).TotalMilliseconds:F0}; files={texts.Count} runtime: start {rt0} analysed {rt1} rendered {rt2} written {Rt()}");
    return;
}

if (mode == "writeexp")
{
    // how to write the index's thousands of small files: strategies timed in turn, warm (render once)
    var built = SearchIndexBuilder.Build(archive, analysis);
    var texts = SearchIndexWriter.Render(built, SearchIndexOptions.Default);
    var utf8 = new UTF8Encoding(false);
    var bytesByName = texts.ToDictionary(t => t.Key, t => utf8.GetBytes(t.Value));
    var proc = Process.GetCurrentProcess();
    TimeSpan Cpu() { proc.Refresh(); return proc.TotalProcessorTime; }
    var strategies = new (string Name, Action<string> Run)[]
    {
        ("seq-WriteAllText", dir => { foreach (var (n, t) in texts) File.WriteAllText(Path.Combine(dir, n), t, utf8); }),
        ("par2-WriteAllText", dir => Parallel.ForEach(texts, new ParallelOptions { MaxDegreeOfParallelism = 2 }, f => File.WriteAllText(Path.Combine(dir, f.Key), f.Value, utf8))),
        ("par4-WriteAllText", dir => Parallel.ForEach(texts, new ParallelOptions { MaxDegreeOfParallelism = 4 }, f => File.WriteAllText(Path.Combine(dir, f.Key), f.Value, utf8))),
        ("seq-OpenHandle-bytes", dir => { foreach (var (n, b) in bytesByName) { using var h = File.OpenHandle(Path.Combine(dir, n), FileMode.CreateNew, FileAccess.Write, FileShare.None); RandomAccess.Write(h, b, 0); } }),
        ("par2-OpenHandle-bytes", dir => Parallel.ForEach(bytesByName, new ParallelOptions { MaxDegreeOfParallelism = 2 }, f => { using var h = File.OpenHandle(Path.Combine(dir, f.Key), FileMode.CreateNew, FileAccess.Write, FileShare.None); RandomAccess.Write(h, f.Value, 0); })),
        ("par4-OpenHandle-bytes", dir => Parallel.ForEach(bytesByName, new ParallelOptions { MaxDegreeOfParallelism = 4 }, f => { using var h = File.OpenHandle(Path.Combine(dir, f.Key), FileMode.CreateNew, FileAccess.Write, FileShare.None); RandomAccess.Write(h, f.Value, 0); })),
    };
    var rounds = int.Parse(Environment.GetEnvironmentVariable("ROUNDS") ?? "3", System.Globalization.CultureInfo.InvariantCulture);
    for (var r = 0; r < rounds; r++)
    {
        foreach (var (name, run) in strategies)
        {
            var dir = Path.Combine(outDir, "writeexp-" + name);
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
            Directory.CreateDirectory(dir);
            var (c0, w0) = (Cpu(), Stopwatch.StartNew());
            run(dir);
            Console.WriteLine($"round={r} {name} wall={w0.ElapsedMilliseconds} cpu={(Cpu() - c0).TotalMilliseconds:F0} load={File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            Directory.Delete(dir, true);
        }
    }
    return;
}

if (mode == "analyze")
{
    // analysis alone, one thread, warm: Lucene's whole chain per field vs the counter the index uses (memo of the filters)
    var docs = SearchIndexBuilder.OrderDocs(archive.Papers);
    var allTexts = docs.Select(p => SearchIndexBuilder.FieldTexts(p, analysis.For(p.Id), [])).ToList();
    var proc = Process.GetCurrentProcess();
    TimeSpan Cpu() { proc.Refresh(); return proc.TotalProcessorTime; }
    var rounds = int.Parse(Environment.GetEnvironmentVariable("ROUNDS") ?? "3", System.Globalization.CultureInfo.InvariantCulture);
    var counterFirst = Environment.GetEnvironmentVariable("COUNTER_FIRST") == "1";
    for (var r = 0; r < rounds; r++)
    {
        var (c0, w0) = (Cpu(), Stopwatch.StartNew());
        long n = 0;
        if (counterFirst)
        {
            using var first = new SearchTermCounter();
            foreach (var texts in allTexts)
            {
                n += first.Analyze(texts).Lengths.Sum();
            }
            Console.WriteLine($"round={r} counter(first) wall={w0.ElapsedMilliseconds} cpu={(Cpu() - c0).TotalMilliseconds:F0} terms={n}");
            (c0, w0) = (Cpu(), Stopwatch.StartNew());
            n = 0;
        }
        using (var analyzer = SearchAnalyzer.Create())
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var texts in allTexts)
            {
                foreach (var t in texts)
                {
                    counts.Clear();
                    n += string.IsNullOrWhiteSpace(t) ? 0 : SearchAnalyzer.CountTerms(analyzer, t, counts);
                }
            }
        }
        Console.WriteLine($"round={r} lucene-chain wall={w0.ElapsedMilliseconds} cpu={(Cpu() - c0).TotalMilliseconds:F0} terms={n}");
        (c0, w0) = (Cpu(), Stopwatch.StartNew());
        n = 0;
        using (var counter = new SearchTermCounter())
        {
            foreach (var texts in allTexts)
            {
                n += counter.Analyze(texts).Lengths.Sum();
            }
        }
        Console.WriteLine($"round={r} counter wall={w0.ElapsedMilliseconds} cpu={(Cpu() - c0).TotalMilliseconds:F0} terms={n}");
    }
    return;
}

if (mode == "cached")
{
    // the search + reader steps of an incremental build, cold process: the analysis cache of the last
    // build (outDir/search-analysis.bin, written by the first run) instead of Lucene; run twice
    var cacheFile = Path.Combine(outDir, SearchAnalysisCache.FileName);
    var proc = Process.GetCurrentProcess();
    TimeSpan Cpu() { proc.Refresh(); return proc.TotalProcessorTime; }
    var (c0, w0) = (Cpu(), Stopwatch.StartNew());
    var cache = SearchAnalysisCache.Load(cacheFile);
    var (c1, w1) = (Cpu(), w0.ElapsedMilliseconds);
    var built = SearchIndexBuilder.Build(archive, analysis, cache);
    var (c2, w2) = (Cpu(), w0.ElapsedMilliseconds);
    var texts = SearchIndexWriter.Render(built, SearchIndexOptions.Default);
    var (c3, w3) = (Cpu(), w0.ElapsedMilliseconds);
    var vectors = PaperArchive.Reader.ReaderVectorWriter.Render(built);
    var (c4, w4) = (Cpu(), w0.ElapsedMilliseconds);
    cache.Save(cacheFile);
    var (c5, w5) = (Cpu(), w0.ElapsedMilliseconds);
    Console.WriteLine($"cache hits={cache.Hits}/{cache.Current} load wall={w1} cpu={(c1 - c0).TotalMilliseconds:F0}; build wall={w2 - w1} cpu={(c2 - c1).TotalMilliseconds:F0}; render wall={w3 - w2} cpu={(c3 - c2).TotalMilliseconds:F0} files={texts.Count}; reader wall={w4 - w3} cpu={(c4 - c3).TotalMilliseconds:F0} files={vectors.Count}; save wall={w5 - w4} cpu={(c5 - c4).TotalMilliseconds:F0}; total wall={w5} cpu={(c5 - c0).TotalMilliseconds:F0}");
    return;
}

if (mode == "index")
{
    // exactly what `paperarchive build` does for search, once, for /usr/bin/time -v
    // into an empty folder, as a build writes it (removing the `site` run's index is not building one).
    // The old index is moved aside, not deleted: on this machine's ext4 (no journal) a new file skips every
    // inode of its block group freed in the last minute or more, one cache lookup each, so creating the
    // 5,591 files right after deleting 5,591 costs seconds of system time that belong to the deletion, not
    // to writing an index (bench/search/RESULTS.md). DELETE_OLD=1 deletes it first, to measure that case.
    var oldIndex = Path.Combine(site, SiteUrls.SearchIndexDir);
    if (Directory.Exists(oldIndex))
    {
        if (Environment.GetEnvironmentVariable("DELETE_OLD") == "1")
        {
            Directory.Delete(oldIndex, recursive: true);
        }
        else
        {
            Directory.Move(oldIndex, Path.Combine(outDir, "old-index-" + DateTime.UtcNow.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
    var (jitStart, jitMsStart, gcStart) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds, GC.GetTotalPauseDuration().TotalMilliseconds);
    var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    // SEARCH_HEAD=n tries another head size (SearchIndexOptions.HeadPostings)
    var head = Environment.GetEnvironmentVariable("SEARCH_HEAD");
    var options = head is null ? SearchIndexOptions.Default : SearchIndexOptions.Default with { HeadPostings = int.Parse(head, System.Globalization.CultureInfo.InvariantCulture) };
    var written = SearchIndexWriter.Write(archive, analysis, site, options);
    Console.WriteLine($"papers={archive.Papers.Count} indexWallMs={watch.ElapsedMilliseconds} indexCpuMs={(Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalMilliseconds:F0} files={written.Count} bytes={written.Sum(f => new FileInfo(Path.Combine(site, f)).Length)} peakWorkingSetMB={Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} stepJitMethods={System.Runtime.JitInfo.GetCompiledMethodCount() - jitStart} stepJitMs={System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds - jitMsStart:F0} stepGcPauseMs={GC.GetTotalPauseDuration().TotalMilliseconds - gcStart:F0} process: {RuntimeStats()}");
    return;
}

var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
var sw = Stopwatch.StartNew();
var data = SearchIndexBuilder.Build(archive, analysis);
var cpuBuild = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
var rendered = SearchIndexWriter.Render(data, SearchIndexOptions.Default);
var cpuRender = Process.GetCurrentProcess().TotalProcessorTime - cpu0 - cpuBuild;
sw.Restart();
cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
var files = SearchIndexWriter.Write(archive, analysis, site);
sw.Stop();
var cpuAll = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
long bytes = files.Sum(f => new FileInfo(Path.Combine(site, f)).Length);
Console.WriteLine($"papers={archive.Papers.Count} buildCpuMs(warm-up run: analyse={cpuBuild.TotalMilliseconds:F0} render={cpuRender.TotalMilliseconds:F0}) writeCpuMs={cpuAll.TotalMilliseconds:F0} wallMs={sw.ElapsedMilliseconds} files={files.Count} bytes={bytes} peakWorkingSetMB={Process.GetCurrentProcess().PeakWorkingSet64 / 1048576}");

var pages = Path.Combine(site, "papers");
if (Directory.Exists(pages))
{
    Directory.Delete(pages, true);
}
Directory.CreateDirectory(pages);
foreach (var p in archive.Papers)
{
    var html = new StringBuilder();
    html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(p.Title)).Append("</title></head><body>");
    html.Append("<main data-pagefind-body><h1>").Append(WebUtility.HtmlEncode(p.Title)).Append("</h1>");
    html.Append("<p class=\"authors\">").Append(WebUtility.HtmlEncode(string.Join(", ", p.Authors.Select(a => a.Name)))).Append("</p>");
    html.Append("<p class=\"date\">").Append(p.FirstSeen?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append("</p>");
    html.Append("<p class=\"abstract\">").Append(WebUtility.HtmlEncode(p.Abstract ?? "")).Append("</p>");
    html.Append("<p class=\"keywords\">").Append(WebUtility.HtmlEncode(string.Join(", ", p.AiKeywords))).Append("</p>");
    html.Append("</main></body></html>\n");
    File.WriteAllText(Path.Combine(site, SiteUrls.Paper(p.Id)), html.ToString());
}
// Our search page and the theme's search assets, as the site would have them.
var assets = Path.Combine(repo, "themes", "default", "assets");
foreach (var rel in new[] { "js/search-analyzer.js", "js/search-engine.js", "js/search-ui.js", "css/search.css" })
{
    var target = Path.Combine(site, SiteUrls.Asset(rel));
    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
    File.Copy(Path.Combine(assets, rel), target, true);
}
File.WriteAllText(Path.Combine(site, SiteUrls.Search), """
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Search</title><link rel="stylesheet" href="assets/css/search.css"></head>
<body>
<main class="pa-search" data-pa-search data-index="search-index/" data-root="./">
  <h1>Search</h1>
  <form class="pa-search-box" role="search" action="search.html">
    <input type="search" name="q" aria-label="Search papers" placeholder="Search titles, abstracts, authors…" autocomplete="off">
  </form>
  <div class="pa-search-controls">
    <label>Topic <select name="topic"><option value="">All topics</option></select></label>
    <label>From <input type="date" name="from"></label>
    <label>To <input type="date" name="to"></label>
    <label>Sort <select name="sort"><option value="relevance">Relevance</option><option value="date">Newest</option><option value="upvotes">Upvotes</option></select></label>
  </div>
  <p class="pa-search-status" data-pa-status role="status" aria-live="polite"></p>
  <ol class="pa-results" data-pa-results></ol>
  <button type="button" class="pa-more" data-pa-more hidden>More results</button>
</main>
<script src="assets/js/search-analyzer.js"></script>
<script src="assets/js/search-engine.js"></script>
<script src="assets/js/search-ui.js"></script>
</body></html>

""");
File.WriteAllText(Path.Combine(outDir, "queries.json"), JsonSerializer.Serialize(queries.Select(q => new { q.Query, Link = SiteUrls.Paper(q.PaperId) })));
Console.WriteLine($"pages={archive.Papers.Count} queries={queries.Count}");

// What the runtime spent besides our code: collections and their pauses, methods compiled just in time.
static string RuntimeStats() =>
    $"gc={GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} gcPauseMs={GC.GetTotalPauseDuration().TotalMilliseconds:F0} " +
    $"jitMethods={System.Runtime.JitInfo.GetCompiledMethodCount()} jitMs={System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} allocMB={GC.GetTotalAllocatedBytes() / 1048576}";

static string FindRepo()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PaperArchive.sln")))
    {
        dir = dir.Parent;
    }
    return dir!.FullName;
}
