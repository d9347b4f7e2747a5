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
/// </summary>
internal static class SimilarPapers
{
    /// <summary>
    /// The similar papers of each paper (ids, best first), from each paper's similarity terms
    /// (<see cref="PaperTermAnalysis.SimilarityTerms"/>, in the same order as <paramref name="ids"/>).
    /// </summary>
    public static string[][] Compute(IReadOnlyList<(string Term, int Frequency)[]> paperTerms, IReadOnlyList<string> ids, TopicAnalysisOptions options, int threads) =>
        Compute(paperTerms, ids, options, threads, prune: true);

    /// <summary>
    /// The same lists by scoring every posting of every query term (no pruning): the reference the
    /// pruned scorer is tested against.
    /// </summary>
    internal static string[][] ComputeExhaustive(IReadOnlyList<(string Term, int Frequency)[]> paperTerms, IReadOnlyList<string> ids, TopicAnalysisOptions options, int threads) =>
        Compute(paperTerms, ids, options, threads, prune: false);

    private static string[][] Compute(IReadOnlyList<(string Term, int Frequency)[]> paperTerms, IReadOnlyList<string> ids, TopicAnalysisOptions options, int threads, bool prune)
    {
        var n = ids.Count;
        var result = new string[n][];
        Array.Fill(result, []);
        if (options.SimilarCount <= 0 || n < 2)
        {
            return result;
        }

        var maxDocFreq = Math.Max(options.SimilarMinDocFreq, (int)(n * options.SimilarMaxDocFreqFraction));
        var (postings, docTerms, norms, byTerm, prunable) = ReadWeights(paperTerms, n, options.SimilarMinDocFreq, maxDocFreq);

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

        // Pruning needs a positive bar (a paper met by no query term must never be listed) and weights
        // that are non-negative and finite with one entry per term; anything else is scored exhaustively.
        var fast = prune && prunable && options.SimilarMinScore > 0;
        var pruner = fast && Environment.GetEnvironmentVariable("SIMPRUNE") == "1" ? new Pruner(postings, norms, byTerm) : null;
        Parallel.For(
            0,
            n,
            new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => new Scratch(n, postings.Length, options.SimilarMaxQueryTerms, options.SimilarCount),
            (d, _, scratch) =>
            {
                result[d] = pruner is not null ? pruner.ForOne(d, docTerms[d], queries[d], ids, scratch, options)
                    : fast ? ForOneFast(d, docTerms[d], queries[d], postings, norms, ids, scratch, options)
                    : ForOne(d, docTerms[d], queries[d], postings, norms, ids, scratch, options);
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

        var best = scratch.Best;
        best.Clear();
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
    /// <see cref="ForOne"/> with the same sums in the same order, laid out for speed: the papers met are
    /// recorded without a branch (a paper is appended always and kept when its sum was still zero).
    /// </summary>
    private static string[] ForOneFast(
        int d, List<(int Term, float Weight)> terms, int[] query, TermPostings[] postings, double[] norms,
        IReadOnlyList<string> ids, Scratch scratch, TopicAnalysisOptions options)
    {
        if (norms[d] == 0)
        {
            return [];
        }
        var acc = scratch.Scores;
        var touched = scratch.Met;
        var count = 0;
        foreach (var q in query)
        {
            var (term, weight) = terms[q];
            if (weight == 0)
            {
                continue; // adds +0 to every sum, and would meet papers with a zero sum again
            }
            var list = postings[term];
            var docs = list.Docs;
            var weights = list.Weights;
            var w = (double)weight;
            for (var i = 0; i < docs.Length; i++)
            {
                var e = docs[i];
                var sum = acc[e];
                touched[count] = e;
                count += sum == 0 ? 1 : 0;
                acc[e] = sum + (w * weights[i]);
            }
        }

        var best = scratch.Best;
        best.Clear();
        var normD = norms[d];
        for (var i = 0; i < count; i++)
        {
            var e = touched[i];
            var raw = acc[e];
            acc[e] = 0;
            if (e == d)
            {
                continue;
            }
            Offer(best, raw / (normD * norms[e]), ids[e], options);
        }
        return [.. best.Select(b => b.Id)];
    }

    /// <summary>
    /// Offers a candidate's cosine to the best list (score descending, then id): the list ends up the
    /// top <see cref="TopicAnalysisOptions.SimilarCount"/> whatever order candidates come in.
    /// </summary>
    private static void Offer(List<(double Score, string Id)> best, double cosine, string id, TopicAnalysisOptions options)
    {
        // Rounding costs a logarithm; most candidates are clearly out before it is needed.
        // Round(x) <= x * (1 + 5e-5), so a cosine below the bar by more than that margin never
        // reaches it once rounded, and skipping it leaves the lists exactly as they were.
        var k = options.SimilarCount;
        var upper = cosine * (1 + 1e-4);
        if (upper < options.SimilarMinScore || (best.Count == k && upper < best[^1].Score))
        {
            return;
        }
        var score = Round(cosine);
        if (score < options.SimilarMinScore)
        {
            return;
        }
        var candidate = (score, id);
        if (best.Count == k && Compare(candidate, best[^1]) >= 0)
        {
            return;
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
    }

    /// <summary>Score descending, then id ordinal ascending.</summary>
    private static int Compare((double Score, string Id) a, (double Score, string Id) b) =>
        a.Score != b.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Id, b.Id);

    /// <summary>
    /// Per paper the boosted term frequencies (title ×2, keywords, abstract; stems only), as walking the
    /// index's postings field by field met them; then per term in [minDf, maxDf] the papers and their
    /// weights (1 + ln tf)·ln(N/df), and per paper its terms (as met, and in term order) and the L2 norm
    /// of its vector. Prunable: every weight finite and non-negative and no term twice in a paper.
    /// </summary>
    private static (TermPostings[] Postings, List<(int Term, float Weight)>[] DocTerms, double[] Norms, TermPostings[] ByTerm, bool Prunable) ReadWeights(
        IReadOnlyList<(string Term, int Frequency)[]> paperTerms, int n, int minDf, int maxDf)
    {
        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var docTf = new (int Term, int Tf)[n][];
        var df = new List<int>();
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
        }

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
        var byTerm = new TermPostings[n];
        var prunable = true;
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
            docTf[d] = null!; // free as we go: memory stays bounded by two copies of the weights
            var sortedTerms = new int[docTerms[d].Count];
            var sortedWeights = new float[sortedTerms.Length];
            for (var j = 0; j < sortedTerms.Length; j++)
            {
                (sortedTerms[j], sortedWeights[j]) = docTerms[d][j];
                prunable &= float.IsFinite(sortedWeights[j]) && sortedWeights[j] >= 0;
            }
            Array.Sort(sortedTerms, sortedWeights);
            for (var j = 1; j < sortedTerms.Length; j++)
            {
                prunable &= sortedTerms[j] != sortedTerms[j - 1];
            }
            byTerm[d] = new TermPostings(sortedTerms, sortedWeights);
        }
        var postings = new TermPostings[order.Length];
        for (var t = 0; t < postings.Length; t++)
        {
            postings[t] = postingDocs[t] is null ? TermPostings.None : new TermPostings([.. postingDocs[t]], [.. postingWeights[t]]);
        }
        return (postings, docTerms, norms, byTerm, prunable);
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

    /// <summary>
    /// MaxScore pruning (Turtle and Flood 1995, as in Lucene's MaxScoreBulkScorer), done term at a time.
    /// Per term, the largest normalised weight any paper gives it bounds what that term can add to a
    /// cosine. A paper's query terms are walked by descending bound; once the bounds of the terms not
    /// walked yet add up to less than the score the list already needs (its k-th best partial cosine so
    /// far, or the minimum score), a paper met by none of the walked terms cannot make the list, so the
    /// long postings of common terms are never read. The papers met are then bounded (partial cosine plus
    /// the bounds left); those that may still make it are scored exactly from their own term list, in
    /// term order like the exhaustive scorer, so each sum is the identical double and the lists are
    /// byte-for-byte the same. Bounds are compared with a 1e-3 relative margin: rounding to 5 significant
    /// digits moves a score by at most 5e-5 relative and the floating-point slop of the bounds is ~1e-15,
    /// so only candidates that provably round below the list's last score (or the bar) are skipped.
    /// </summary>
    private sealed class Pruner
    {
        private const double Margin = 1 - 1e-3;
        private readonly TermPostings[] postings;
        private readonly double[] norms;
        private readonly double[] inverseNorms;
        private readonly TermPostings[] byTerm;
        private readonly double[] termBounds;

        public Pruner(TermPostings[] postings, double[] norms, TermPostings[] byTerm)
        {
            this.postings = postings;
            this.norms = norms;
            this.byTerm = byTerm;
            inverseNorms = new double[norms.Length];
            termBounds = new double[postings.Length];
            for (var d = 0; d < norms.Length; d++)
            {
                if (norms[d] == 0)
                {
                    continue; // all its weights are 0: it adds nothing to any sum
                }
                inverseNorms[d] = 1 / norms[d];
                var terms = byTerm[d];
                for (var j = 0; j < terms.Docs.Length; j++)
                {
                    var t = terms.Docs[j];
                    termBounds[t] = Math.Max(termBounds[t], terms.Weights[j] / norms[d]);
                }
            }
        }

        public string[] ForOne(int d, List<(int Term, float Weight)> terms, int[] query, IReadOnlyList<string> ids, Scratch scratch, TopicAnalysisOptions options)
        {
            if (norms[d] == 0)
            {
                return [];
            }
            var inverseNorm = inverseNorms[d];
            var qTerms = scratch.QueryTerms;
            var qWeights = scratch.QueryWeights;
            var bounds = scratch.Bounds;
            var m = 0;
            foreach (var q in query)
            {
                var (term, weight) = terms[q];
                if (weight == 0)
                {
                    continue; // adds +0 to every sum: no effect on any score
                }
                // Insertion by descending bound (at most SimilarMaxQueryTerms entries).
                var bound = weight * termBounds[term] * inverseNorm;
                var at = m++;
                while (at > 0 && bounds[at - 1] < bound)
                {
                    qTerms[at] = qTerms[at - 1];
                    qWeights[at] = qWeights[at - 1];
                    bounds[at] = bounds[at - 1];
                    at--;
                }
                qTerms[at] = term;
                qWeights[at] = weight;
                bounds[at] = bound;
                scratch.WeightOfTerm[term] = weight;
            }
            // Left[j]: what the terms from j on can still add to any cosine; Work[j]: their postings.
            var left = scratch.Left;
            var work = scratch.Work;
            left[m] = 0;
            work[m] = 0;
            for (var j = m - 1; j >= 0; j--)
            {
                left[j] = left[j + 1] + bounds[j];
                work[j] = work[j + 1] + postings[qTerms[j]].Docs.Length;
            }

            var acc = scratch.Scores;
            var touched = scratch.Touched;
            touched.Clear();
            var bar = options.SimilarMinScore;
            var walked = m;
            for (var j = 0; j < m; j++)
            {
                if (left[j] < bar * Margin)
                {
                    walked = j;
                    break;
                }
                // Raising the bar costs a pass over the papers met; worth it only when the postings
                // left are at least as long.
                if (j > 0 && work[j] >= touched.Count)
                {
                    bar = Math.Max(bar, KthPartial(d, touched, acc, inverseNorm, scratch.Top, options.SimilarCount));
                    if (left[j] < bar * Margin)
                    {
                        walked = j;
                        break;
                    }
                }
                var list = postings[qTerms[j]];
                var weight = (double)qWeights[j];
                var docs = list.Docs;
                var weights = list.Weights;
                for (var i = 0; i < docs.Length; i++)
                {
                    var e = docs[i];
                    if (acc[e] == 0)
                    {
                        touched.Add(e);
                    }
                    acc[e] += weight * weights[i];
                }
            }
            // The papers met that may still make the list, narrowed term by term over the terms not
            // walked: each adds to the candidates only (its postings if they are short, else a lookup in
            // each candidate's own term list), and the candidates whose bound falls below the bar go.
            var candidates = scratch.Candidates;
            candidates.Clear();
            candidates.AddRange(touched);
            var rest = left[walked];
            bar = Math.Max(bar, KthPartial(d, candidates, acc, inverseNorm, scratch.Top, options.SimilarCount));
            Narrow(d, candidates, acc, inverseNorm, rest, bar);
            for (var j = walked; j < m && candidates.Count > 0; j++)
            {
                var list = postings[qTerms[j]];
                var weight = (double)qWeights[j];
                if (list.Docs.Length <= candidates.Count * 8)
                {
                    var docs = list.Docs;
                    var weights = list.Weights;
                    for (var i = 0; i < docs.Length; i++)
                    {
                        var e = docs[i];
                        if (acc[e] != 0)
                        {
                            acc[e] += weight * weights[i];
                        }
                    }
                }
                else
                {
                    foreach (var e in candidates)
                    {
                        var own = byTerm[e];
                        var at = Array.BinarySearch(own.Docs, qTerms[j]);
                        if (at >= 0)
                        {
                            acc[e] += weight * own.Weights[at];
                        }
                    }
                }
                rest = left[j + 1];
                bar = Math.Max(bar, KthPartial(d, candidates, acc, inverseNorm, scratch.Top, options.SimilarCount));
                Narrow(d, candidates, acc, inverseNorm, rest, bar);
            }

            var best = scratch.Best;
            best.Clear();
            var weightOfTerm = scratch.WeightOfTerm;
            foreach (var e in candidates)
            {
                // The exact sum, over the query terms in term order as the exhaustive scorer adds them.
                var own = byTerm[e];
                var raw = 0.0;
                for (var i = 0; i < own.Docs.Length; i++)
                {
                    var w = weightOfTerm[own.Docs[i]];
                    if (w != 0)
                    {
                        raw += (double)w * own.Weights[i];
                    }
                }
                Offer(best, raw / (norms[d] * norms[e]), ids[e], options);
            }
            foreach (var e in touched)
            {
                acc[e] = 0;
            }
            for (var j = 0; j < m; j++)
            {
                weightOfTerm[qTerms[j]] = 0;
            }
            return [.. best.Select(b => b.Id)];
        }

        /// <summary>
        /// Drops the candidates (and d itself) whose partial cosine plus what the terms left can add stays
        /// below the bar, clearing their sums so that only candidates have one.
        /// </summary>
        private void Narrow(int d, List<int> candidates, double[] acc, double inverseNorm, double rest, double bar)
        {
            var kept = 0;
            var needed = bar * Margin;
            for (var i = 0; i < candidates.Count; i++)
            {
                var e = candidates[i];
                if (e == d || (acc[e] * inverseNorm * inverseNorms[e]) + rest < needed)
                {
                    acc[e] = 0;
                    continue;
                }
                candidates[kept++] = e;
            }
            candidates.RemoveRange(kept, candidates.Count - kept);
        }

        /// <summary>The k-th largest partial cosine among the papers met (other than d), 0 if fewer than k.</summary>
        private double KthPartial(int d, List<int> touched, double[] acc, double inverseNorm, double[] top, int k)
        {
            if (touched.Count < k)
            {
                return 0;
            }
            // top[0..count) ascending: top[0] is the smallest of the k largest so far.
            var count = 0;
            foreach (var e in touched)
            {
                if (e == d)
                {
                    continue;
                }
                var p = acc[e] * inverseNorm * inverseNorms[e];
                if (count == k && p <= top[0])
                {
                    continue;
                }
                int at;
                if (count < k)
                {
                    at = count++;
                }
                else
                {
                    at = 0;
                    while (at + 1 < k && top[at + 1] < p)
                    {
                        top[at] = top[at + 1];
                        at++;
                    }
                    top[at] = p;
                    continue;
                }
                while (at > 0 && top[at - 1] > p)
                {
                    top[at] = top[at - 1];
                    at--;
                }
                top[at] = p;
            }
            return count == k ? top[0] : 0;
        }
    }

    private sealed class Scratch(int n, int termCount, int maxQueryTerms, int k)
    {
        public double[] Scores { get; } = new double[n];

        public List<int> Touched { get; } = [];

        public List<int> Candidates { get; } = [];

        /// <summary>The papers met, each once per time its sum left zero (one slot spare per posting read).</summary>
        public int[] Met { get; } = new int[n + 1];

        public List<(double Score, string Id)> Best { get; } = new(k + 1);

        public float[] WeightOfTerm { get; } = new float[termCount];

        public int[] QueryTerms { get; } = new int[Math.Max(0, maxQueryTerms)];

        public float[] QueryWeights { get; } = new float[Math.Max(0, maxQueryTerms)];

        public double[] Bounds { get; } = new double[Math.Max(0, maxQueryTerms)];

        public double[] Left { get; } = new double[Math.Max(0, maxQueryTerms) + 1];

        public long[] Work { get; } = new long[Math.Max(0, maxQueryTerms) + 1];

        public double[] Top { get; } = new double[Math.Max(1, k)];
    }
}
