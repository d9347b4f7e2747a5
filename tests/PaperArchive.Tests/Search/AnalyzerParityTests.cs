using System.Diagnostics;
using System.Text.Json;
using PaperArchive.Search;

namespace PaperArchive.Tests.Search;

/// <summary>
/// One analyzer, two languages: the JavaScript port must give exactly Lucene's terms, over every
/// field of every fixture paper and every line of every fixture file (JSON, HTML, text copies).
/// </summary>
public class AnalyzerParityTests
{
    [Fact]
    public void Js_analyzer_matches_Lucene_on_every_fixture_text()
    {
        var texts = new List<string>();
        foreach (var p in SearchFixtures.Archive.Papers)
        {
            texts.AddRange(SearchIndexBuilder.FieldTexts(p, SearchFixtures.Analysis().For(p.Id), []));
        }
        foreach (var file in Directory.EnumerateFiles(SearchFixtures.FixturesDir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            texts.AddRange(File.ReadAllLines(file).Where(l => l.Length > 0));
        }
        texts.AddRange(Tricky);
        texts = texts.Distinct(StringComparer.Ordinal).ToList();

        var js = RunNode(texts);
        Assert.Equal(texts.Count, js.Count);
        using var analyzer = SearchAnalyzer.Create();
        var mismatches = new List<string>();
        var tokens = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            var lucene = SearchAnalyzer.Terms(analyzer, texts[i]);
            tokens += lucene.Count;
            if (!lucene.SequenceEqual(js[i], StringComparer.Ordinal))
            {
                var at = 0;
                while (at < Math.Min(lucene.Count, js[i].Count) && lucene[at] == js[i][at])
                {
                    at++;
                }
                mismatches.Add($"text #{i}: lucene[{at}..]={string.Join("|", lucene.Skip(at).Take(4))} js[{at}..]={string.Join("|", js[i].Skip(at).Take(4))} in «{Excerpt(texts[i], lucene.Skip(at).FirstOrDefault() ?? "")}»");
            }
        }
        Assert.True(tokens > 100_000, "the corpus should be large, got " + tokens + " terms");
        Assert.True(mismatches.Count == 0, mismatches.Count + " mismatches of " + texts.Count + " texts:\n" + string.Join("\n", mismatches.Take(30)));
    }

    private static readonly string[] Tricky =
    [
        "GPT-4o's 3.5B-parameter model, e.g. U.S.A. 1,000.5 x:y a'b foo_bar _x __ 3.a a.3 v1.2.3",
        "Naïve café — “quoted” ‘single’ don’t O’Neil’s ＧＰＴ ΣΟΦΊΑ İstanbul straße",
        "数据集 のデータ カタカナ 한국어 ไทยภาษา عربي עברית",
        "soft\u00ADhyphen zero\u200Bwidth e\u0301tude",
    ];

    private static string Excerpt(string text, string near)
    {
        var i = Math.Max(0, text.IndexOf(near, StringComparison.OrdinalIgnoreCase) - 30);
        return text.Substring(i, Math.Min(90, text.Length - i));
    }

    private static List<List<string>> RunNode(List<string> texts)
    {
        var root = SearchFixtures.RepoRoot;
        var input = Path.GetTempFileName();
        var output = Path.GetTempFileName();
        try
        {
            File.WriteAllText(input, JsonSerializer.Serialize(texts));
            var psi = new ProcessStartInfo("node")
            {
                ArgumentList =
                {
                    Path.Combine(root, "tests", "PaperArchive.Tests", "Search", "node", "analyze.js"),
                    Path.Combine(root, "themes", "default", "assets", "js", "search-analyzer.js"),
                    input,
                    output,
                },
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(psi) ?? throw new InvalidOperationException("node did not start");
            var err = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, "node failed: " + err);
            return JsonSerializer.Deserialize<List<List<string>>>(File.ReadAllText(output))!;
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }
}
