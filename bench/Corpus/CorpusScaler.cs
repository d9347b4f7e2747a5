using System.Globalization;
using System.Text.Json;
using PaperArchive.Model;

namespace PaperArchive.Bench.Corpus;

/// <summary>
/// Minimal deterministic corpus scaler for benchmarks: reads the real fixture papers
/// (tests/fixtures/hf-api JSON object files) and recombines them into N synthetic papers. Each
/// synthetic paper gets a method name from a pool (about five papers share a name, so a
/// known-item query needs task words too), a fixture title, an abstract of sentences drawn from
/// several fixture abstracts, fixture authors and a listing day spread over ~2 years.
/// </summary>
public static class CorpusScaler
{
    public sealed record KnownItem(string Query, string PaperId);

    public static IReadOnlyList<Paper> LoadFixtures(string fixturesDir)
    {
        var papers = new SortedDictionary<string, Paper>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(Path.Combine(fixturesDir, "hf-api"), "*.json").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                continue;
            }
            foreach (var item in doc.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("paper", out var paper))
                {
                    continue;
                }
                var id = paper.GetProperty("id").GetString()!;
                papers[id] = new Paper
                {
                    Id = id,
                    Title = Collapse(Str(item, "title") ?? Str(paper, "title") ?? id),
                    Abstract = Collapse(Str(paper, "summary") ?? ""),
                    Authors = paper.TryGetProperty("authors", out var a)
                        ? a.EnumerateArray().Select(x => new Author(Str(x, "name") ?? "")).Where(x => x.Name.Length > 0).ToValueList()
                        : ValueList<Author>.Empty,
                    AiKeywords = paper.TryGetProperty("ai_keywords", out var kw) && kw.ValueKind == JsonValueKind.Array
                        ? kw.EnumerateArray().Select(k => k.GetString() ?? "").ToValueList()
                        : ValueList<string>.Empty,
                };
            }
        }
        return papers.Values.Where(p => p.Abstract!.Length > 200).ToList();
    }

    public static (ArchiveModel Archive, IReadOnlyList<KnownItem> Queries) Scale(IReadOnlyList<Paper> fixtures, int count, int queryCount = 200)
    {
        var rng = new Random(20260701);
        var sentences = fixtures.SelectMany(p => SplitSentences(p.Abstract!)).ToList();
        var names = Enumerable.Range(0, Math.Max(1, count / 5)).Select(MethodName).ToList();
        var start = new DateOnly(2024, 9, 2);
        var papers = new List<Paper>(count);
        var queries = new List<KnownItem>();
        for (var i = 0; i < count; i++)
        {
            var baseP = fixtures[rng.Next(fixtures.Count)];
            var name = names[rng.Next(names.Count)];
            var abs = new List<string>();
            var n = 4 + rng.Next(5);
            for (var s = 0; s < n; s++)
            {
                abs.Add(s == 1 ? "We propose " + name + ", " + Lower(sentences[rng.Next(sentences.Count)]) : sentences[rng.Next(sentences.Count)]);
            }
            var authors = Enumerable.Range(0, 2 + rng.Next(6)).Select(_ =>
            {
                var f = fixtures[rng.Next(fixtures.Count)];
                return f.Authors.Count > 0 ? f.Authors[rng.Next(f.Authors.Count)] : new Author("Anonymous");
            }).ToValueList();
            var day = start.AddDays(i * 700 / Math.Max(1, count));
            var title = name + ": " + StripMethod(baseP.Title);
            var id = "2" + (day.Year % 100).ToString("00", CultureInfo.InvariantCulture) + day.Month.ToString("00", CultureInfo.InvariantCulture)[1..] + "." + i.ToString("00000", CultureInfo.InvariantCulture);
            var kws = baseP.AiKeywords.Take(6).ToValueList();
            papers.Add(new Paper
            {
                Id = id,
                ArxivId = id,
                Title = title,
                Abstract = string.Join(" ", abs),
                Authors = authors,
                ListedOn = ValueList.Of(day),
                PublishedOn = day.AddDays(-3),
                Snapshots = ValueList.Of(new CountSnapshot(day, (int)Math.Floor(Math.Pow(rng.NextDouble(), 3) * 300), rng.Next(10))),
                AiKeywords = kws,
            });
            if (queries.Count < queryCount && i % Math.Max(1, count / queryCount) == 0)
            {
                // task words as a person would type them: words of the title (split at hyphens and
                // punctuation), the two longest distinct ones
                var words = System.Text.RegularExpressions.Regex.Split(StripMethod(baseP.Title), "[^\\p{L}]+")
                    .Where(w => w.Length >= 5).Select(w => w.ToLowerInvariant()).Distinct(StringComparer.Ordinal)
                    .OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).Take(2).ToList();
                queries.Add(new KnownItem(name + " " + string.Join(" ", words), id));
            }
        }
        var sorted = papers.OrderBy(p => p.Id, StringComparer.Ordinal).ToValueList();
        return (new ArchiveModel(sorted, ValueList<DayListing>.Empty), queries);
    }

    private static string MethodName(int i)
    {
        string[] on = ["Z", "Qu", "V", "Kr", "Pl", "M", "T", "Gr", "Br", "S", "Fl", "D", "N", "R", "L", "H"];
        string[] nu = ["a", "o", "e", "i", "u", "ai", "eo", "y"];
        string[] co = ["rx", "nt", "lm", "v", "sk", "r", "ph", "x", "nd", "l", "m", "st"];
        var s = "";
        var x = i + 17;
        for (var k = 0; k < 3; k++)
        {
            s += on[x % on.Length].ToLowerInvariant() + nu[(x / 16) % nu.Length];
            x /= 128;
            if (x == 0)
            {
                break;
            }
        }
        s += co[i % co.Length];
        return char.ToUpperInvariant(s[0]) + s[1..];
    }

    private static string StripMethod(string title)
    {
        var c = title.IndexOf(':');
        return c > 0 && c < 40 ? title[(c + 1)..].Trim() : title;
    }

    private static string Lower(string s) => s.Length > 1 && char.IsUpper(s[0]) && char.IsLower(s[1]) ? char.ToLowerInvariant(s[0]) + s[1..] : s;

    private static IEnumerable<string> SplitSentences(string text) =>
        text.Split(". ", StringSplitOptions.RemoveEmptyEntries).Select(s => s.TrimEnd('.') + ".").Where(s => s.Length > 30);

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
