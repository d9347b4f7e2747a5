using FsCheck.Xunit;
using PaperArchive.Topics;

namespace PaperArchive.Tests.Topics;

/// <summary>
/// The fast similar-papers scorer (<see cref="SimilarPapers.Compute"/>) against the exhaustive reference
/// (<see cref="SimilarPapers.ComputeExhaustive"/>, the scorer as it was; both pick the best through one selection, `Offer`): every list identical, element for
/// element, on random corpora built to stress it (skewed term frequencies so that some terms are in most
/// papers, duplicated papers so that scores tie and ties go by id, one-term papers with large normalised
/// weights, terms in every paper) and on the real fixtures.
/// </summary>
public class SimilarPapersEquivalenceTests
{
    [Property(Replay = "(20261130,13)", MaxTest = 60)]
    public void Fast_lists_equal_the_exhaustive_lists_on_random_corpora(int seed)
    {
        var random = new Random(seed);
        var (terms, ids) = RandomCorpus(random);
        foreach (var count in new[] { 1, 8, 20 })
        {
            foreach (var queryTerms in new[] { 3, 25 })
            {
                var options = new TopicAnalysisOptions
                {
                    SimilarCount = count,
                    SimilarMaxQueryTerms = queryTerms,
                    SimilarMinDocFreq = random.Next(1, 3),
                    SimilarMaxDocFreqFraction = new[] { 0.12, 0.5, 1.0 }[random.Next(3)],
                    SimilarMinScore = new[] { 0.05, 0.05, 0.3, 0.0, 0.001 }[random.Next(5)],
                };
                AssertSameLists(terms, ids, options);
            }
        }
    }

    [Fact]
    public void Fast_lists_equal_the_exhaustive_lists_on_the_fixtures()
    {
        var ids = TopicFixtures.Archive.Papers.Select(p => p.Id).Order(StringComparer.Ordinal).ToList();
        var terms = ids.Select(id => TopicFixtures.Result.Cache.TryGetSimilarityTerms(id, out var t) ? t.ToArray() : []).ToList();
        Assert.True(terms.Count(t => t.Length > 0) > ids.Count * 0.9);
        foreach (var options in new[]
        {
            TopicAnalysisOptions.Default,
            new TopicAnalysisOptions { SimilarCount = 1, SimilarMaxQueryTerms = 3 },
            new TopicAnalysisOptions { SimilarCount = 20, SimilarMaxQueryTerms = 25, SimilarMinScore = 0.01 },
        })
        {
            var lists = AssertSameLists(terms, ids, options);
            Assert.True(lists.Count(l => l.Length > 0) > ids.Count / 2);
        }
    }

    private static string[][] AssertSameLists(IReadOnlyList<(string Term, int Frequency)[]> terms, IReadOnlyList<string> ids, TopicAnalysisOptions options)
    {
        var expected = SimilarPapers.ComputeExhaustive(terms, ids, options, 1);
        foreach (var threads in new[] { 1, 2 })
        {
            var actual = SimilarPapers.Compute(terms, ids, options, threads);
            Assert.Equal(expected.Length, actual.Length);
            for (var d = 0; d < expected.Length; d++)
            {
                Assert.True(expected[d].SequenceEqual(actual[d]),
                    $"paper {ids[d]} (count {options.SimilarCount}, query terms {options.SimilarMaxQueryTerms}, min score {options.SimilarMinScore}): expected [{string.Join(",", expected[d])}], got [{string.Join(",", actual[d])}]");
            }
        }
        return expected;
    }

    /// <summary>
    /// 2–400 papers over a Zipf-skewed vocabulary: a few terms in most papers, many in a handful. Some
    /// papers are copies of earlier ones (identical scores, so ids decide), some have one or two terms.
    /// </summary>
    private static (List<(string Term, int Frequency)[]> Terms, List<string> Ids) RandomCorpus(Random random)
    {
        var n = random.Next(4) == 0 ? random.Next(2, 12) : random.Next(2, 401);
        var vocabulary = random.Next(5, 600);
        var skew = 0.6 + (random.NextDouble() * 1.2);
        var cumulative = new double[vocabulary];
        var total = 0.0;
        for (var t = 0; t < vocabulary; t++)
        {
            total += 1 / Math.Pow(t + 1, skew);
            cumulative[t] = total;
        }
        var terms = new List<(string Term, int Frequency)[]>(n);
        for (var d = 0; d < n; d++)
        {
            if (d > 0 && random.Next(5) == 0)
            {
                terms.Add(terms[random.Next(d)]); // a duplicate paper
                continue;
            }
            var size = random.Next(6) == 0 ? random.Next(1, 3) : random.Next(3, 80);
            var picked = new Dictionary<int, int>();
            for (var i = 0; i < size; i++)
            {
                var at = Array.BinarySearch(cumulative, random.NextDouble() * total);
                var t = Math.Min(vocabulary - 1, at < 0 ? ~at : at);
                picked[t] = picked.GetValueOrDefault(t) + (random.Next(4) == 0 ? random.Next(1, 6) : 1);
            }
            terms.Add([.. picked.Select(p => ("w" + p.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Value)).OrderBy(_ => random.Next())]);
        }
        // Ids in an order unrelated to the papers' positions, so that ties by id are not ties by position.
        var ids = Enumerable.Range(0, n).Select(i => "p" + ((i * 7919) % 100003).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return (terms, ids);
    }
}
