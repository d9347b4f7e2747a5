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
var mode = args.Length > 0 ? args[0] : "site";
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

var sw = Stopwatch.StartNew();
var files = SearchIndexWriter.Write(archive, analysis, site);
sw.Stop();
long bytes = files.Sum(f => new FileInfo(Path.Combine(site, f)).Length);
Console.WriteLine($"papers={archive.Papers.Count} indexMs={sw.ElapsedMilliseconds} files={files.Count} bytes={bytes}");
if (mode == "index")
{
    return;
}

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
File.WriteAllText(Path.Combine(outDir, "queries.json"), JsonSerializer.Serialize(queries.Select(q => new { q.Query, Link = SiteUrls.Paper(q.PaperId) })));
Console.WriteLine($"pages={archive.Papers.Count} queries={queries.Count}");

static string FindRepo()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PaperArchive.sln")))
    {
        dir = dir.Parent;
    }
    return dir!.FullName;
}
