using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace PaperArchive.Topics;

/// <summary>
/// "Papers like this one": Lucene's MoreLikeThis picks the paper's most distinctive terms (tf·idf
/// over title ×2, keywords and abstract; very common terms skipped), and BM25 ranks the archive
/// against them. Each query runs on one thread, so its scores do not depend on parallelism; ties
/// and near-ties (scores rounded to 5 significant digits, since the last bits of a float sum may
/// differ between runtimes) are broken by paper id, ordinal.
/// </summary>
internal static class SimilarPapers
{
    public static string[][] Compute(PaperIndex index, IReadOnlyList<string> ids, TopicAnalysisOptions options)
    {
        var result = new string[ids.Count][];
        if (options.SimilarCount <= 0 || ids.Count < 2)
        {
            Array.Fill(result, []);
            return result;
        }
        var maxDocFreq = Math.Max(options.SimilarMinDocFreq + 1, (int)(index.Reader.NumDocs * options.SimilarMaxDocFreqFraction));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount };
        Parallel.For(
            0,
            ids.Count,
            parallel,
            () => NewMoreLikeThis(index, options, maxDocFreq),
            (i, _, mlt) =>
            {
                result[i] = ForOne(index, ids, i, mlt, options.SimilarCount);
                return mlt;
            },
            _ => { });
        return result;
    }

    private static MoreLikeThis NewMoreLikeThis(PaperIndex index, TopicAnalysisOptions options, int maxDocFreq) =>
        new(index.Reader)
        {
            FieldNames = [TopicFields.Similar],
            Analyzer = index.Analyzer,
            MinTermFreq = 1,
            MinDocFreq = options.SimilarMinDocFreq,
            MaxDocFreq = maxDocFreq,
            MinWordLen = 2,
            MaxQueryTerms = options.SimilarMaxQueryTerms,
            ApplyBoost = true,
            Similarity = new DefaultSimilarity(),
        };

    private static string[] ForOne(PaperIndex index, IReadOnlyList<string> ids, int ordinal, MoreLikeThis mlt, int count)
    {
        var doc = index.OrdinalToDoc[ordinal];
        var query = mlt.Like(doc);
        if (query is BooleanQuery { Clauses.Count: 0 })
        {
            return [];
        }
        // A margin beyond `count` so that near-ties at the cut are decided by our rule, not Lucene's doc order.
        var hits = index.Searcher.Search(query, count + 8).ScoreDocs;
        return hits
            .Where(h => h.Doc != doc)
            .Select(h => (Score: Round(h.Score), Id: ids[index.Ordinal(h.Doc)]))
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.Id, StringComparer.Ordinal)
            .Take(count)
            .Select(h => h.Id)
            .ToArray();
    }

    /// <summary>Rounds to 5 significant digits.</summary>
    internal static double Round(float score)
    {
        if (score <= 0 || !float.IsFinite(score))
        {
            return 0;
        }
        var digits = 4 - (int)Math.Floor(Math.Log10(score));
        return digits >= 0 ? Math.Round(score, Math.Min(digits, 15)) : Math.Round(score / Math.Pow(10, -digits)) * Math.Pow(10, -digits);
    }
}
