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

    /// <summary>
    /// A whole archive's worth of daily listings for the whole-build benchmark (bench/scale): <paramref name="count"/>
    /// papers on weekdays ending at <paramref name="lastDay"/>, <paramref name="papersPerDay"/> a day (±30%).
    /// Authors are realistic in shape: a long tail of people seen once plus a pool of regulars who recur
    /// (so author pages range from one paper to hundreds); a third of the papers name an organisation;
    /// upvotes are heavy-tailed; a paper is sometimes listed again on a later day. Same arguments, same output.
    /// </summary>
    public static IReadOnlyList<(DateOnly Day, IReadOnlyList<Paper> Papers)> Listings(IReadOnlyList<Paper> fixtures, int count, int papersPerDay, DateOnly lastDay)
    {
        var (archive, _) = Scale(fixtures, count, queryCount: 0);
        var rng = new Random(20260702);
        var days = new List<DateOnly>();
        var dayCount = Math.Max(1, (count + papersPerDay - 1) / papersPerDay);
        for (var d = lastDay; days.Count < dayCount; d = d.AddDays(-1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days.Add(d);
            }
        }
        days.Reverse();
        var people = fixtures.SelectMany(p => p.Authors).Select(a => a.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var given = people.Select(n => n.Split(' ')[0]).Where(n => n.Length > 1).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var family = people.Select(n => n.Split(' ')[^1]).Where(n => n.Length > 1).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var regulars = Enumerable.Range(0, Math.Max(50, count / 8)).Select(i => i < people.Count ? people[i] : given[rng.Next(given.Count)] + " " + family[rng.Next(family.Count)]).ToList();
        string[] orgs = [.. Enumerable.Range(0, 150).Select(i => family[(i * 7919) % family.Count] + " " + (i % 3 == 0 ? "AI" : i % 3 == 1 ? "Lab" : "Research"))];
        var byDay = days.ToDictionary(d => d, _ => new List<Paper>());
        var papers = archive.Papers;
        var perMonth = new Dictionary<(int, int), int>();
        for (var i = 0; i < papers.Count; i++)
        {
            // Papers in id order are spread over the days in order, so ids grow with dates as on arXiv.
            var day = days[Math.Min(days.Count - 1, (int)((long)i * days.Count / papers.Count))];
            var authors = Enumerable.Range(0, 2 + rng.Next(8)).Select(k =>
            {
                var r = rng.NextDouble();
                // Regulars by a power law (a few very prolific), else a fresh name seen once or twice.
                var name = r < 0.55 ? regulars[(int)(Math.Pow(rng.NextDouble(), 2.5) * regulars.Count)]
                    : given[rng.Next(given.Count)] + " " + family[rng.Next(family.Count)];
                return new Author(name, k == 0 && rng.Next(3) == 0 ? Slug(name) : null);
            }).DistinctBy(a => a.Name).ToValueList();
            var upvotes = (int)Math.Floor(Math.Pow(rng.NextDouble(), 4) * 400);
            var withOrg = rng.Next(3) == 0;
            var org = orgs[(int)(Math.Pow(rng.NextDouble(), 2) * orgs.Length)];
            var serial = perMonth[(day.Year, day.Month)] = perMonth.GetValueOrDefault((day.Year, day.Month), 10000) + 1 + rng.Next(3);
            var id = day.ToString("yyMM", CultureInfo.InvariantCulture) + "." + serial.ToString("00000", CultureInfo.InvariantCulture);
            var paper = papers[i] with
            {
                Id = id,
                ArxivId = id,
                Authors = authors,
                ListedOn = ValueList.Of(day),
                PublishedOn = day.AddDays(-1 - rng.Next(4)),
                Organization = withOrg ? org : null,
                OrganizationHandle = withOrg ? Slug(org) : null,
                AiSummary = rng.Next(4) == 0 ? null : (papers[i].Abstract ?? "").Split(". ")[0].TrimEnd('.') + ".",
                Snapshots = ValueList.Of(new CountSnapshot(day, upvotes, rng.Next(12))),
                SubmittedBy = rng.Next(2) == 0 ? "akhaliq" : Slug(authors[0].Name),
            };
            byDay[day].Add(paper);
            if (rng.Next(200) == 0)
            {
                // Relisted a few weekdays later (the API lists it again with newer counts).
                var later = days.FindIndex(d => d == day) + 1 + rng.Next(5);
                if (later < days.Count)
                {
                    byDay[days[later]].Add(paper with { Snapshots = ValueList.Of(new CountSnapshot(days[later], upvotes + 5, rng.Next(12))) });
                }
            }
        }
        return days.Select(d => (d, (IReadOnlyList<Paper>)byDay[d])).ToList();

        static string Slug(string name) => new string(name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
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
