using PaperArchive.Search;

namespace PaperArchive.Tests.Search;

/// <summary>
/// The index counts terms with a memo of Lucene's filter chain per raw token (<see cref="SearchTermCounter"/>):
/// it must give exactly what <see cref="SearchAnalyzer"/> (Lucene's EnglishAnalyzer, token by token) gives,
/// over every fixture text, with the memo warm, cold and repeatedly cleared.
/// </summary>
public class SearchTermCounterTests
{
    private static readonly string[] Tricky =
    [
        "GPT-4o's 3.5B-parameter model, e.g. U.S.A. 1,000.5 x:y a'b foo_bar _x __ 3.a a.3 v1.2.3",
        "Naïve café — “quoted” ‘single’ don’t O’Neil’s ＧＰＴ ΣΟΦΊΑ İstanbul straße",
        "数据集 のデータ カタカナ 한국어 ไทยภาษา عربي עברית",
        "soft\u00ADhyphen zero\u200Bwidth e\u0301tude",
        "THE The the AND And model's MODEL'S Model’S models’ it's IT'S 's ' '' s",
        "Running runs RAN runner's ponies caresses Generalization generalizations",
        new string('a', 254) + " " + new string('b', 255) + " " + new string('c', 256) + " " + new string('d', 600) + " end",
        "𝑥 𝔸 😀 emoji😀word a\u0300b \t\r\n tabs\tand\nlines",
        "",
        "   ",
    ];

    private static List<string[]> Papers()
    {
        var papers = new List<string[]>();
        foreach (var p in SearchFixtures.Archive.Papers)
        {
            papers.Add(SearchIndexBuilder.FieldTexts(p, SearchFixtures.Analysis().For(p.Id), ["Agents", "Video generation"]));
        }
        // Every line of every fixture file too (JSON, HTML, text): six lines make one "paper".
        var lines = Directory.EnumerateFiles(SearchFixtures.FixturesDir, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadAllLines(f))
            .Where(l => l.Length > 0)
            .Concat(Tricky)
            .ToList();
        for (var i = 0; i < lines.Count; i += 6)
        {
            papers.Add(Enumerable.Range(i, 6).Select(j => j < lines.Count ? lines[j] : "").ToArray());
        }
        return papers;
    }

    /// <summary>What the counter must return, computed the plain way: the whole EnglishAnalyzer per field.</summary>
    private static (List<(string Term, int Tf)>[] Fields, int[] Lengths) Expected(string[] texts)
    {
        var fields = new List<(string, int)>[texts.Length];
        var lengths = new int[texts.Length];
        for (var f = 0; f < texts.Length; f++)
        {
            var terms = string.IsNullOrWhiteSpace(texts[f]) ? [] : SearchAnalyzer.Terms(texts[f]);
            lengths[f] = terms.Count;
            var order = new List<string>();
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var t in terms)
            {
                if (!counts.TryAdd(t, 1))
                {
                    counts[t]++;
                }
                else
                {
                    order.Add(t);
                }
            }
            fields[f] = order.Select(t => (t, counts[t])).ToList();
        }
        return (fields, lengths);
    }

    private static (List<(string Term, int Tf)>[] Fields, int[] Lengths) Actual(SearchPaperTerms terms)
    {
        var fields = new List<(string, int)>[terms.Lengths.Length];
        for (var f = 0; f < fields.Length; f++)
        {
            fields[f] = [];
            for (var i = terms.Starts[f]; i < terms.Starts[f + 1]; i++)
            {
                fields[f].Add((terms.Table[terms.Ids[i]], terms.Frequencies[i]));
            }
        }
        return (fields, terms.Lengths);
    }

    [Theory]
    [InlineData(SearchTermCounter.DefaultMemoLimit)]
    [InlineData(7)]
    public void Counts_exactly_Lucenes_terms_over_every_fixture_text(int memoLimit)
    {
        var papers = Papers();
        using var counter = new SearchTermCounter(memoLimit);
        var tokens = 0;
        // Twice over: the second pass reads a warm memo (or, with a tiny limit, one cleared many times).
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var texts in papers)
            {
                var (expectedFields, expectedLengths) = Expected(texts);
                var (fields, lengths) = Actual(counter.Analyze(texts));
                Assert.Equal(expectedLengths, lengths);
                for (var f = 0; f < texts.Length; f++)
                {
                    Assert.True(expectedFields[f].SequenceEqual(fields[f]), $"field {f} of «{texts[f][..Math.Min(80, texts[f].Length)]}»: expected {string.Join("|", expectedFields[f].Take(8))}, got {string.Join("|", fields[f].Take(8))}");
                }
                tokens += lengths.Sum();
            }
        }
        Assert.True(tokens > 100_000, "the corpus should be large, got " + tokens + " terms");
    }

    [Fact]
    public void Stop_words_and_possessives_follow_Lucene()
    {
        using var counter = new SearchTermCounter();
        var (fields, lengths) = Actual(counter.Analyze(["The model's models THE Models’ running", ""]));
        Assert.Equal([("model", 3), ("run", 1)], fields[0]);
        Assert.Equal([4, 0], lengths);
    }
}
