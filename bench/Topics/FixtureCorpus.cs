using System.Globalization;
using System.Text.Json;
using PaperArchive.Model;

namespace PaperArchive.Bench.Topics;

/// <summary>
/// Bench-only reader of the API fixtures (object items only; the Python-repr days are skipped) until
/// the JSON importer lands, plus the synthetic corpus scaler.
/// </summary>
internal static class FixtureCorpus
{
    public static List<Paper> Load(string repoRoot)
    {
        var byId = new SortedDictionary<string, Paper>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(repoRoot, "tests", "fixtures", "hf-api"), "*.json").Order(StringComparer.Ordinal))
        {
            if (file.Contains("EXAMPLE", StringComparison.Ordinal))
            {
                continue;
            }
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var items = doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement
                : doc.RootElement.TryGetProperty("data", out var data) ? data : default;
            if (items.ValueKind != JsonValueKind.Array)
            {
                continue;
            }
            var day = DateOnly.ParseExact(Path.GetFileNameWithoutExtension(file)[^10..], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            foreach (var item in items.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("paper", out var p))
                {
                    continue;
                }
                var id = p.GetProperty("id").GetString()!;
                var paper = new Paper
                {
                    Id = id,
                    ArxivId = id,
                    Title = Collapse(p.GetProperty("title").GetString()!),
                    Abstract = p.TryGetProperty("summary", out var s) ? Collapse(s.GetString() ?? "") : null,
                    Authors = p.TryGetProperty("authors", out var a)
                        ? a.EnumerateArray().Select(x => new Author(x.GetProperty("name").GetString() ?? "")).ToValueList()
                        : ValueList<Author>.Empty,
                    AiKeywords = p.TryGetProperty("ai_keywords", out var k) && k.ValueKind == JsonValueKind.Array
                        ? k.EnumerateArray().Select(x => x.GetString() ?? "").ToValueList()
                        : ValueList<string>.Empty,
                    Organization = item.TryGetProperty("organization", out var o) && o.ValueKind == JsonValueKind.Object && o.TryGetProperty("fullname", out var on) ? on.GetString() : null,
                    ListedOn = ValueList.Of(day),
                };
                byId.TryAdd(id, paper);
            }
        }
        return [.. byId.Values];
    }

    private static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// <paramref name="count"/> synthetic papers: each takes the title of one real paper, the abstract
    /// sentences of two others and the keywords of a fourth, with a fresh id (fixed seed).
    /// </summary>
    public static List<Paper> Scale(IReadOnlyList<Paper> real, int count, int seed = 20260701)
    {
        var random = new Random(seed);
        var withAbstract = real.Where(p => !string.IsNullOrEmpty(p.Abstract)).ToList();
        var result = new List<Paper>(count);
        for (var i = 0; i < count; i++)
        {
            var t = real[random.Next(real.Count)];
            var a1 = withAbstract[random.Next(withAbstract.Count)].Abstract!;
            var a2 = withAbstract[random.Next(withAbstract.Count)].Abstract!;
            var k = real[random.Next(real.Count)];
            var half1 = a1[..(a1.Length / 2)];
            var half2 = a2[(a2.Length / 2)..];
            result.Add(t with
            {
                Id = "9" + (i / 100000).ToString("000", CultureInfo.InvariantCulture) + "." + (i % 100000).ToString("00000", CultureInfo.InvariantCulture),
                Title = t.Title + (i >= real.Count ? " " + (i % 97).ToString(CultureInfo.InvariantCulture) : ""),
                Abstract = half1 + half2,
                AiKeywords = k.AiKeywords,
            });
        }
        return result;
    }

    public static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PaperArchive.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("PaperArchive.sln not found above " + AppContext.BaseDirectory);
    }
}
