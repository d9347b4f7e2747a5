using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using PaperArchive.Rendering;
using PaperArchive.Search;

namespace PaperArchive.Tests.Search;

/// <summary>
/// The query language, run by the real client engine (search-engine.js) in node over the fixture
/// index: every-word matching with partial fallback, prefix while typing, typos, phrases,
/// exclusion, filters, sorts and bounded work. (Browser behaviour is in the Playwright suite.)
/// </summary>
public sealed class EngineQueryTests : IClassFixture<EngineQueryTests.Index>
{
    public sealed class Index : IDisposable
    {
        public Index()
        {
            Dir = Path.Combine(Path.GetTempPath(), "pa-engine-" + Guid.NewGuid().ToString("N"));
            SearchIndexWriter.Write(SearchFixtures.Archive, SearchFixtures.Analysis(), Dir);
            // Tiny heads, so that frequent fixture terms are split into bands as at 50,000 papers.
            SearchIndexWriter.Write(SearchFixtures.Archive, SearchFixtures.Analysis(), BandedDir, SearchIndexOptions.Default with { HeadPostings = 12 });
            SearchIndexWriter.Write(SearchFixtures.Archive, SearchFixtures.Analysis(), WholeDir, SearchIndexOptions.Default with { HeadPostings = int.MaxValue / 8 });
            Data = SearchIndexBuilder.Build(SearchFixtures.Archive, SearchFixtures.Analysis());
        }

        public string Dir { get; }

        public string BandedDir => Dir + "-banded";

        public string WholeDir => Dir + "-whole";

        public SearchIndexData Data { get; }

        public void Dispose()
        {
            Directory.Delete(Dir, true);
            Directory.Delete(BandedDir, true);
            Directory.Delete(WholeDir, true);
        }
    }

    public sealed record Result(int Count, int Full, List<int> Docs, List<string> Links, List<string> Terms, List<string> Typos, int Ms, bool Exact, int Loaded, int Postings);

    private readonly Index _index;

    public EngineQueryTests(Index index) => _index = index;

    private List<Result> Run(params object[] queries) => RunOn(_index.Dir, queries);

    private List<Result> RunOn(string dir, params object[] queries) => RunOn(dir, concurrent: false, queries);

    private List<Result> RunOn(string dir, bool concurrent, params object[] queries)
    {
        var input = Path.GetTempFileName();
        var output = Path.GetTempFileName();
        try
        {
            File.WriteAllText(input, JsonSerializer.Serialize(queries));
            var psi = new ProcessStartInfo("node") { RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add(Path.Combine(SearchFixtures.RepoRoot, "tests", "PaperArchive.Tests", "Search", "node", "queries.js"));
            psi.ArgumentList.Add(SearchFixtures.RepoRoot);
            psi.ArgumentList.Add(Path.Combine(dir, SiteUrls.SearchIndexDir));
            psi.ArgumentList.Add(input);
            psi.ArgumentList.Add(output);
            if (concurrent)
            {
                psi.ArgumentList.Add("concurrent");
            }
            using var p = Process.Start(psi)!;
            var err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, "node failed: " + err);
            return JsonSerializer.Deserialize<List<Result>>(File.ReadAllText(output), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    private static object Q(string q, object? options = null) => new { q, options };

    private bool Has(int doc, string term) => _index.Data.Postings.TryGetValue(term, out var p) && p.Any(x => x.Doc == doc);

    private string TitleOf(string link) => _index.Data.Docs.First(d => SiteUrls.Paper(d.Id) == link).Title;

    [Fact]
    public void Every_word_must_match_and_partial_matches_come_after()
    {
        var r = Run(Q("video generation "))[0];
        Assert.True(r.Full > 0 && r.Count > r.Full);
        Assert.All(r.Docs.Take(r.Full), d => Assert.True(Has(d, "video") && Has(d, "gener")));
        Assert.All(r.Docs.Skip(r.Full), d => Assert.False(Has(d, "video") && Has(d, "gener")));
    }

    [Fact]
    public void Misspelled_words_of_five_letters_or_more_find_papers()
    {
        var r = Run(Q("retreival "), Q("difusion "), Q("vdeo "));
        Assert.Contains("retriev", r[0].Typos);
        Assert.Contains("Retrieval", TitleOf(r[0].Links[0]), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("diffus", r[1].Typos);
        Assert.Contains("Diffusion", TitleOf(r[1].Links[0]), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(r[2].Typos); // four letters: no typo tolerance
        Assert.Equal(0, r[2].Count);
    }

    [Fact]
    public void The_last_word_is_a_prefix_while_typing_and_exact_matches_rank_first()
    {
        var r = Run(Q("retrie"), Q("retrie "), Q("agent"));
        Assert.Contains("retriev", r[0].Terms);
        Assert.True(r[0].Count > 10);
        Assert.True(r[1].Count < r[0].Count / 4); // a finished word is not completed
        var agent = r[2];
        Assert.Contains(agent.Terms, t => t != "agent" && t.StartsWith("agent", StringComparison.Ordinal));
        var firstPrefixOnly = agent.Docs.FindIndex(d => !Has(d, "agent"));
        var lastExact = agent.Docs.FindLastIndex(d => Has(d, "agent"));
        Assert.True(firstPrefixOnly < 0 || firstPrefixOnly > lastExact, $"prefix-only doc at {firstPrefixOnly} before exact at {lastExact}");
    }

    [Fact]
    public void Quoted_phrases_match_adjacent_words_only()
    {
        var r = Run(Q("\"video generation\""), Q("video generation "));
        Assert.True(r[0].Count > 0 && r[0].Count < r[1].Full);
        foreach (var link in r[0].Links)
        {
            var paper = _index.Data.Docs.First(d => SiteUrls.Paper(d.Id) == link);
            Assert.Matches(new Regex(@"video[\s-]+generat", RegexOptions.IgnoreCase), paper.Title + " " + paper.Abstract);
        }
    }

    [Fact]
    public void Excluded_words_remove_papers()
    {
        var r = Run(Q("agent "), Q("agent -web "));
        Assert.True(r[1].Count > 0 && r[1].Count < r[0].Count);
        Assert.All(r[1].Docs, d => Assert.False(Has(d, "web")));
    }

    [Fact]
    public void Filters_and_sorts_apply()
    {
        var day = _index.Data.Docs[_index.Data.Docs.Count / 2].FirstSeen!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var r = Run(
            Q("model ", new { topic = "agents" }),
            Q("model ", new { from = day, to = day }),
            Q("model ", new { sort = "date" }),
            Q("model ", new { sort = "upvotes" }));
        Assert.True(r[0].Count > 0);
        Assert.All(r[0].Docs, d => Assert.Contains(_index.Data.Topics.FindIndex(t => t.Slug == "agents"), _index.Data.DocTopics[d]));
        Assert.True(r[1].Count > 0);
        Assert.All(r[1].Docs, d => Assert.Equal(day, _index.Data.Docs[d].FirstSeen!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(r[2].Docs.Order().ToList(), r[2].Docs);
        var ups = r[3].Docs.Select(d => Math.Min(4095, _index.Data.Docs[d].Upvotes ?? 0)).ToList();
        Assert.Equal(ups.OrderDescending().ToList(), ups);
    }

    [Fact]
    public void Heads_of_frequent_terms_decide_the_first_page_exactly_as_the_whole_postings_would()
    {
        // Relevance queries over an index whose frequent terms keep only a dozen postings in their
        // shard: the first page must equal the page from unsplit postings, whether the heads
        // proved it alone (exact: false) or further bands had to be read.
        string[] texts =
        [
            "video generation", "video generation ", "diffusion", "language model ", "retrieval augmented",
            "reinforcement learning ", "agent", "model", "large language models reasoning ", "retreival ", "difusion languag",
        ];
        var queries = texts.Select(q => Q(q)).ToArray();
        var banded = RunOn(_index.BandedDir, queries);
        var whole = RunOn(_index.WholeDir, queries);
        Assert.True(Directory.EnumerateFiles(Path.Combine(_index.BandedDir, SiteUrls.SearchIndexDir), "x*.js").Count() > 50);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_index.WholeDir, SiteUrls.SearchIndexDir), "x*.js"));
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.True(whole[i].Exact);
            var page = Math.Min(10, whole[i].Docs.Count);
            Assert.True(banded[i].Docs.Count >= page, texts[i]);
            Assert.Equal(whole[i].Docs.Take(page), banded[i].Docs.Take(page));
            if (banded[i].Exact)
            {
                Assert.Equal(whole[i].Count, banded[i].Count);
            }
            else
            {
                Assert.InRange(banded[i].Full, 0, whole[i].Full);
            }
        }
        Assert.Contains(banded, r => !r.Exact);
        // a page decided by heads alone reads fewer postings than the whole postings of its terms (in bytes,
        // at the fixtures' scale a shard holds many small heads: what it saves shows at 50,000 papers, bench/search)
        Assert.All(banded.Zip(whole).Where(p => !p.First.Exact), p => Assert.True(p.First.Postings < p.Second.Postings, p.First.Postings + " vs " + p.Second.Postings));
    }

    [Fact]
    public void Queries_running_at_once_rank_as_they_do_one_by_one()
    {
        // The engine keeps its per-doc work arrays between queries; a ranking that waits for a file
        // (sort by upvotes) or for bands must not see another query's entries, nor leave its own.
        var day = _index.Data.Docs[_index.Data.Docs.Count / 3].FirstSeen!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        object[] queries =
        [
            Q("model ", new { sort = "upvotes" }), Q("video generation"), Q("diffusion ", new { sort = "upvotes" }), Q("language model "),
            Q("agent -web "), Q("model ", new { sort = "date" }), Q("retrieval augmented"), Q("\"language model\""),
            Q("model ", new { topic = "agents" }), Q("reinforcement learning ", new { from = "2000-01-01", to = day }), Q("retreival "), Q("agent"),
        ];
        var oneByOne = queries.Select(q => RunOn(_index.BandedDir, q)[0]).ToList();
        var atOnce = RunOn(_index.BandedDir, concurrent: true, queries);
        Assert.Equal(queries.Length, atOnce.Count);
        for (var i = 0; i < queries.Length; i++)
        {
            Assert.Equal((oneByOne[i].Count, oneByOne[i].Full, oneByOne[i].Exact), (atOnce[i].Count, atOnce[i].Full, atOnce[i].Exact));
            Assert.Equal(oneByOne[i].Docs, atOnce[i].Docs);
        }
        Assert.Contains(oneByOne, r => !r.Exact);
        Assert.Contains(oneByOne, r => r.Count > 50);
    }

    [Fact]
    public void Filters_sorts_exclusions_and_deeper_pages_read_every_band()
    {
        var day = _index.Data.Docs[_index.Data.Docs.Count / 3].FirstSeen!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        object[] queries =
        [
            Q("model ", new { sort = "date" }), Q("model ", new { sort = "upvotes" }), Q("model ", new { topic = "agents" }),
            Q("model ", new { from = "2000-01-01", to = day }), Q("agent -web "), Q("\"language model\""), Q("video generation ", new { exhaustive = true }),
        ];
        var banded = RunOn(_index.BandedDir, queries);
        var whole = RunOn(_index.WholeDir, queries);
        for (var i = 0; i < queries.Length; i++)
        {
            Assert.True(banded[i].Exact);
            Assert.Equal(whole[i].Count, banded[i].Count);
            Assert.Equal(whole[i].Full, banded[i].Full);
            Assert.Equal(whole[i].Docs, banded[i].Docs);
        }
    }

    [Fact]
    public void Any_query_does_bounded_work()
    {
        var huge = string.Concat(Enumerable.Repeat("a\"b -c zz' ", 50_000));
        var r = Run(Q(huge), Q(new string('x', 100_000)), Q("the of and "), Q(""));
        Assert.All(r, x => Assert.True(x.Ms < 5_000, "took " + x.Ms + " ms"));
        Assert.Equal(0, r[2].Count);
        Assert.Equal(0, r[3].Count);
    }
}

internal static class ListExtensions
{
    public static int FindIndex<T>(this IReadOnlyList<T> list, Func<T, bool> match)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (match(list[i]))
            {
                return i;
            }
        }
        return -1;
    }
}
