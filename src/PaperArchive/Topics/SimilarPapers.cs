using System.Runtime.CompilerServices;

namespace PaperArchive.Topics;

/// <summary>
/// "Papers like this one", the MoreLikeThis way, for every paper at once. MoreLikeThis builds a query
/// from a paper's most distinctive terms (tf·idf over title ×2, keywords and abstract; very common and
/// one-off terms skipped) and ranks the archive against it. Running 20,000 such Lucene searches took
/// minutes on two cores, so the same scoring is done here over the index's own postings (stems of
/// title, keywords and abstract): each paper's top terms are looked up in an inverted list of
/// tf·idf weights, and candidates are ranked by the cosine of those weights.
/// <para>Deterministic: a paper's score sums its terms in term order (not in doc order, which depends
/// on indexing threads), scores are rounded to 5 significant digits before comparing, and ties go to
/// the smaller paper id (ordinal). Parallel and serial runs give the same lists.</para>
/// <para>The hot loops are compiled optimised straight away (<see cref="MethodImplOptions.AggressiveOptimization"/>): a build
/// runs them once, in a fresh process, so the quick first-tier code would do much of the work before being replaced.</para>
/// </summary>
internal static class SimilarPapers
{
    /// <summary>
    /// The similar papers of each paper (ids, best first), from each paper's similarity terms
    /// (<see cref="PaperTermAnalysis.SimilarityTerms"/>, in the same order as <paramref name="ids"/>).
    /// </summary>
    public static string[][] Compute(IReadOnlyList<(string Term, int Frequency)[]> paperTerms, IReadOnlyList<string> ids, TopicAnalysisOptions options, int threads)
    {
        var n = ids.Count;
        if (options.SimilarCount <= 0 || n < 2 || !(options.SimilarMinScore > 0) || options.SimilarMaxQueryTerms < 0)
        {
            return ComputeExhaustive(paperTerms, ids, options, threads);
        }
        var maxDocFreq = Math.Max(options.SimilarMinDocFreq, (int)(n * options.SimilarMaxDocFreqFraction));
        var weights = FastWeights.Read(paperTerms, n, options.SimilarMinDocFreq, maxDocFreq, options.SimilarMaxQueryTerms);
        if (weights is null)
        {
            return ComputeExhaustive(paperTerms, ids, options, threads);
        }
        var result = new string[n][];
        Parallel.For(
            0,
            n,
            new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => new FastScratch(n, options.SimilarCount),
            (d, _, scratch) =>
            {
                result[d] = weights.ForOne(d, ids, scratch, options);
                return scratch;
            },
            _ => { });
        return result;
    }

    /// <summary>
    /// The same lists the straightforward way (the scorer as first written): the reference
    /// <see cref="Compute"/> is tested against, and what it falls back to for options or weights outside
    /// its preconditions (no positive minimum score, a negative or non-finite weight).
    /// </summary>
    internal static string[][] ComputeExhaustive(IReadOnlyList<(string Term, int Frequency)[]> paperTerms, IReadOnlyList<string> ids, TopicAnalysisOptions options, int threads)
    {
        var n = ids.Count;
        var result = new string[n][];
        Array.Fill(result, []);
        if (options.SimilarCount <= 0 || n < 2)
        {
            return result;
        }

        var maxDocFreq = Math.Max(options.SimilarMinDocFreq, (int)(n * options.SimilarMaxDocFreqFraction));
        var (postings, docTerms, norms) = ReadWeights(paperTerms, n, options.SimilarMinDocFreq, maxDocFreq);

        // Each paper's query: its strongest terms, then in term order so sums are order-stable.
        var queries = new int[n][];
        for (var d = 0; d < n; d++)
        {
            var terms = docTerms[d];
            terms.Sort((a, b) => b.Weight != a.Weight ? b.Weight.CompareTo(a.Weight) : a.Term.CompareTo(b.Term));
            var count = Math.Min(options.SimilarMaxQueryTerms, terms.Count);
            var query = new int[count];
            for (var i = 0; i < count; i++)
            {
                query[i] = i;
            }
            Array.Sort(query, (x, y) => terms[x].Term.CompareTo(terms[y].Term));
            queries[d] = query;
        }

        Parallel.For(
            0,
            n,
            new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => new Scratch(n),
            (d, _, scratch) =>
            {
                result[d] = ForOne(d, docTerms[d], queries[d], postings, norms, ids, scratch, options);
                return scratch;
            },
            _ => { });
        return result;
    }

    private static string[] ForOne(
        int d, List<(int Term, float Weight)> terms, int[] query, TermPostings[] postings, double[] norms,
        IReadOnlyList<string> ids, Scratch scratch, TopicAnalysisOptions options)
    {
        if (norms[d] == 0)
        {
            return [];
        }
        var acc = scratch.Scores;
        var touched = scratch.Touched;
        touched.Clear();
        foreach (var q in query)
        {
            var (term, weight) = terms[q];
            var list = postings[term];
            for (var i = 0; i < list.Docs.Length; i++)
            {
                var e = list.Docs[i];
                if (acc[e] == 0)
                {
                    touched.Add(e);
                }
                acc[e] += (double)weight * list.Weights[i];
            }
        }

        var k = options.SimilarCount;
        var best = new List<(double Score, string Id)>(k + 1);
        foreach (var e in touched)
        {
            var raw = acc[e];
            acc[e] = 0;
            if (e == d)
            {
                continue;
            }
            Offer(best, raw / (norms[d] * norms[e]), ids[e], options);
        }
        return [.. best.Select(b => b.Id)];
    }

    /// <summary>
    /// Both scorers' selection of the best <c>SimilarCount</c>: the list ends up the same whatever order candidates come in.
    /// Rounding costs a logarithm, and most candidates are clearly out before it is needed: Round(x) &lt;= x * (1 + 5e-5),
    /// so a cosine below the bar by more than that margin never reaches it once rounded. True when the candidate went in.
    /// </summary>
    private static bool Offer(List<(double Score, string Id)> best, double cosine, string id, TopicAnalysisOptions options)
    {
        var k = options.SimilarCount;
        var upper = cosine * (1 + 1e-4);
        if (upper < options.SimilarMinScore || (best.Count == k && upper < best[^1].Score))
        {
            return false;
        }
        var score = Round(cosine);
        if (score < options.SimilarMinScore)
        {
            return false;
        }
        var candidate = (score, id);
        if (best.Count == k && Compare(candidate, best[^1]) >= 0)
        {
            return false;
        }
        var at = best.Count;
        while (at > 0 && Compare(candidate, best[at - 1]) < 0)
        {
            at--;
        }
        best.Insert(at, candidate);
        if (best.Count > k)
        {
            best.RemoveAt(k);
        }
        return true;
    }

    /// <summary>Score descending, then id ordinal ascending.</summary>
    private static int Compare((double Score, string Id) a, (double Score, string Id) b) =>
        a.Score != b.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Id, b.Id);

    /// <summary>
    /// Per paper the boosted term frequencies (title ×2, keywords, abstract; stems only), as walking the
    /// index's postings field by field met them; then per term in [minDf, maxDf] the papers and their
    /// weights (1 + ln tf)·ln(N/df), and per paper its terms and the L2 norm of its vector.
    /// </summary>
    private static (TermPostings[] Postings, List<(int Term, float Weight)>[] DocTerms, double[] Norms) ReadWeights(
        IReadOnlyList<(string Term, int Frequency)[]> paperTerms, int n, int minDf, int maxDf)
    {
        var (termIds, docTf, df, _) = NumberTerms(paperTerms, n);

        // Term ids in term-text order, so that ties between equally weighted terms are stable.
        var order = termIds.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Value).ToArray();
        var rank = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            rank[order[i]] = i;
        }
        var postingDocs = new List<int>[order.Length];
        var postingWeights = new List<float>[order.Length];
        var docTerms = new List<(int Term, float Weight)>[n];
        var norms = new double[n];
        for (var d = 0; d < n; d++)
        {
            docTerms[d] = new List<(int, float)>(docTf[d].Length);
            foreach (var (termId, tf) in docTf[d])
            {
                var f = df[termId];
                if (f < minDf || f > maxDf)
                {
                    continue;
                }
                var weight = (float)((1 + Math.Log(tf)) * Math.Log((double)n / f));
                var t = rank[termId];
                docTerms[d].Add((t, weight));
                (postingDocs[t] ??= []).Add(d);
                (postingWeights[t] ??= []).Add(weight);
                norms[d] += (double)weight * weight;
            }
            norms[d] = Math.Sqrt(norms[d]);
            docTf[d] = null!; // free as we go: memory stays bounded by one copy of the weights
        }
        var postings = new TermPostings[order.Length];
        for (var t = 0; t < postings.Length; t++)
        {
            postings[t] = postingDocs[t] is null ? TermPostings.None : new TermPostings([.. postingDocs[t]], [.. postingWeights[t]]);
        }
        return (postings, docTerms, norms);
    }

    /// <summary>
    /// Term ids in order of first occurrence (papers, then their terms, in order), each paper's (term id, frequency)
    /// pairs, each term's document frequency and the longest paper's term count: the numbering both scorers start from.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (Dictionary<string, int> TermIds, (int Term, int Tf)[][] DocTf, List<int> Df, int Longest) NumberTerms(
        IReadOnlyList<(string Term, int Frequency)[]> paperTerms, int n)
    {
        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var docTf = new (int Term, int Tf)[n][];
        var df = new List<int>();
        var longest = 0;
        for (var d = 0; d < n; d++)
        {
            var terms = paperTerms[d];
            var list = new (int, int)[terms.Length];
            for (var j = 0; j < terms.Length; j++)
            {
                var (text, tf) = terms[j];
                if (!termIds.TryGetValue(text, out var termId))
                {
                    termIds[text] = termId = df.Count;
                    df.Add(0);
                }
                df[termId]++;
                list[j] = (termId, tf);
            }
            docTf[d] = list;
            longest = Math.Max(longest, terms.Length);
        }
        return (termIds, docTf, df, longest);
    }

    /// <summary>Rounds to 5 significant digits, so the last bits of a float sum never decide an order.</summary>
    internal static double Round(double score)
    {
        if (score <= 0 || !double.IsFinite(score))
        {
            return 0;
        }
        var digits = 4 - (int)Math.Floor(Math.Log10(score));
        return digits is >= 0 and <= 15 ? Math.Round(score, digits) : score;
    }

    private sealed record TermPostings(int[] Docs, float[] Weights)
    {
        public static readonly TermPostings None = new([], []);
    }

    private sealed class Scratch(int n)
    {
        public double[] Scores { get; } = new double[n];

        public List<int> Touched { get; } = [];
    }

    /// <summary>
    /// The weights laid out for <see cref="Compute"/>: postings as plain arrays sized up front, each paper's
    /// query terms (its strongest, in term order) with their weights, and the norms. Every weight, norm and
    /// query is the identical value the reference computes (same expressions, same order of additions;
    /// logarithms computed once per term and per small frequency instead of once per entry, which gives the
    /// same doubles), so the lists are byte-for-byte those of <see cref="ComputeExhaustive"/>.
    /// </summary>
    private sealed class FastWeights
    {
        private readonly Posting[][] postings;
        private readonly int[][] queryTerms;
        private readonly float[][] queryWeights;
        private readonly double[] norms;

        private FastWeights(Posting[][] postings, int[][] queryTerms, float[][] queryWeights, double[] norms)
        {
            this.postings = postings;
            this.queryTerms = queryTerms;
            this.queryWeights = queryWeights;
            this.norms = norms;
        }

        /// <summary>
        /// As <see cref="ReadWeights"/> plus the queries, or null when a weight is negative or not finite
        /// or a paper lists a term twice (the reference's order of additions is then not reproduced here).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static FastWeights? Read(IReadOnlyList<(string Term, int Frequency)[]> paperTerms, int n, int minDf, int maxDf, int maxQueryTerms)
        {
            var (termIds, docTf, df, longest) = NumberTerms(paperTerms, n);

            var order = termIds.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Value).ToArray();
            var rank = new int[order.Length];
            for (var i = 0; i < order.Length; i++)
            {
                rank[order[i]] = i;
            }
            // ln(N/df) once per term and ln(tf) once per small frequency: the same doubles as per entry.
            var idf = new double[order.Length];
            var postings = new Posting[order.Length][];
            for (var termId = 0; termId < order.Length; termId++)
            {
                var f = df[termId];
                var inRange = f >= minDf && f <= maxDf;
                idf[termId] = inRange ? Math.Log((double)n / f) : 0;
                postings[rank[termId]] = inRange ? new Posting[f] : [];
            }
            var logTf = new double[64];
            for (var tf = 1; tf < logTf.Length; tf++)
            {
                logTf[tf] = Math.Log(tf);
            }

            var filled = new int[order.Length];
            var lastPaper = new int[order.Length];
            var keys = new long[longest];
            var queryTerms = new int[n][];
            var queryWeights = new float[n][];
            var norms = new double[n];
            for (var d = 0; d < n; d++)
            {
                var m = 0;
                var norm = 0.0;
                foreach (var (termId, tf) in docTf[d])
                {
                    var f = df[termId];
                    if (f < minDf || f > maxDf)
                    {
                        continue;
                    }
                    var weight = (float)((1 + (tf is > 0 and < 64 ? logTf[tf] : Math.Log(tf))) * idf[termId]);
                    var bits = BitConverter.SingleToInt32Bits(weight);
                    var t = rank[termId];
                    if (bits is < 0 or >= 0x7F800000 || lastPaper[t] == d + 1)
                    {
                        return null;
                    }
                    lastPaper[t] = d + 1;
                    postings[t][filled[t]++] = new Posting(d, weight);
                    norm += (double)weight * weight;
                    // Weight descending, then term ascending, as one integer (a non-negative float's bits
                    // order like the float).
                    keys[m++] = ((long)(int.MaxValue - bits) << 32) | (uint)t;
                }
                norms[d] = Math.Sqrt(norm);
                docTf[d] = null!;
                Array.Sort(keys, 0, m);
                var count = Math.Min(maxQueryTerms, m);
                var qt = new int[count];
                var qw = new float[count];
                for (var i = 0; i < count; i++)
                {
                    qt[i] = (int)(keys[i] & 0xFFFFFFFF);
                    qw[i] = BitConverter.Int32BitsToSingle(int.MaxValue - (int)(keys[i] >> 32));
                }
                Array.Sort(qt, qw);
                queryTerms[d] = qt;
                queryWeights[d] = qw;
            }
            return new FastWeights(postings, queryTerms, queryWeights, norms);
        }

        /// <summary>
        /// The reference's scoring with the same sums in the same order (query terms in term order, each
        /// posting in paper order), laid out for speed: plain arrays, and the papers met recorded without a
        /// branch (always written, kept when their sum was still zero). Weights are non-negative, so a sum
        /// leaves zero once and for all with the first positive product; zero-weight query terms add +0 to
        /// every sum and are skipped (the papers only they meet score 0, below any positive minimum).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public string[] ForOne(int d, IReadOnlyList<string> ids, FastScratch scratch, TopicAnalysisOptions options)
        {
            if (norms[d] == 0)
            {
                return [];
            }
            var acc = scratch.Scores;
            var met = scratch.Met;
            var count = 0;
            var qt = queryTerms[d];
            var qw = queryWeights[d];
            for (var q = 0; q < qt.Length; q++)
            {
                if (qw[q] == 0)
                {
                    continue;
                }
                var weight = (double)qw[q];
                foreach (var (e, w) in postings[qt[q]])
                {
                    var sum = acc[e];
                    met[count] = e;
                    count += sum == 0 ? 1 : 0;
                    acc[e] = sum + (weight * w);
                }
            }

            var best = scratch.Best;
            best.Clear();
            var normD = norms[d];
            // Offer turns a candidate away when cosine·(1 + 1e-4) is below the bar (the minimum score, or
            // the last score once the list is full); most are, and this tells without a division, with a
            // 1e-9 slack that covers the rounding of the products, so it skips only what Offer would.
            var bar = options.SimilarMinScore * normD * (1 - 1e-9);
            for (var i = 0; i < count; i++)
            {
                var e = met[i];
                var raw = acc[e];
                acc[e] = 0;
                if (e == d || raw * (1 + 1e-4) < bar * norms[e])
                {
                    continue;
                }
                if (Offer(best, raw / (normD * norms[e]), ids[e], options) && best.Count == options.SimilarCount)
                {
                    bar = Math.Max(options.SimilarMinScore, best[^1].Score) * normD * (1 - 1e-9);
                }
            }
            return [.. best.Select(b => b.Id)];
        }
    }

    /// <summary>A paper and its weight for a term, side by side: one memory stream per posting list.</summary>
    private readonly record struct Posting(int Doc, float Weight);

    private sealed class FastScratch(int n, int k)
    {
        public double[] Scores { get; } = new double[n];

        /// <summary>The papers met (at most n, one slot spare for the branch-free write).</summary>
        public int[] Met { get; } = new int[n + 1];

        public List<(double Score, string Id)> Best { get; } = new(k + 1);
    }
}
