using System.Runtime.InteropServices;
using PaperArchive.Model;

namespace PaperArchive.Search;

/// <summary>Analyses every paper and computes the BM25 postings (<see cref="SearchIndexData"/>).</summary>
public static class SearchIndexBuilder
{
    public static SearchIndexData Build(ArchiveModel archive, ArchiveAnalysis analysis) => Build(archive, analysis, null);

    /// <summary>
    /// As <see cref="Build(ArchiveModel, ArchiveAnalysis)"/>, taking papers whose text was analysed before
    /// from <paramref name="cache"/> (and adding the others to it): the same result, less work.
    /// </summary>
    /// <param name="checkpoint">Called between blocks of papers (the build's heap ceiling: analysis leaves garbage behind it).</param>
    public static SearchIndexData Build(ArchiveModel archive, ArchiveAnalysis analysis, SearchAnalysisCache? cache, Action? checkpoint = null)
    {
        var docs = OrderDocs(archive.Papers);
        var topics = analysis.Topics.ToList();
        var topicIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < topics.Count; i++)
        {
            topicIndex.TryAdd(topics[i].Slug, i);
        }

        var fieldCount = SearchSchema.Fields.Count;
        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var termNames = new List<string>();
        // Per doc its analysed fields and their terms numbered for this build (fields one after the other,
        // as in SearchPaperTerms); per field and doc the norm byte; per field and term the doc frequency.
        var docTerms = new SearchPaperTerms[docs.Count];
        var docIds = new int[docs.Count][];
        var norms = new byte[fieldCount][];
        var sumTf = new long[fieldCount];
        var docFreq = new int[fieldCount][];
        var docTopics = new List<IReadOnlyList<int>>(docs.Count);
        for (var f = 0; f < fieldCount; f++)
        {
            norms[f] = new byte[docs.Count];
            docFreq[f] = new int[1024];
        }

        // Analysis is the costly part and independent per paper: run it in parallel (one analyzer
        // per thread), then number terms sequentially so the result never depends on scheduling.
        // Blocks bound the memory held by per-paper term counts.
        const int block = 512;
        var sharedTable = cache?.Table;
        var sharedIds = sharedTable is null ? null : new int[sharedTable.Length];
        if (sharedIds is not null)
        {
            Array.Fill(sharedIds, -1);
        }
        var analysed = new SearchPaperTerms[docs.Count];
        var docSlugs = new List<string>[docs.Count];
        // Counters (and their memo of the filter chain) outlive a block: the memo pays off over the whole archive.
        var counters = new System.Collections.Concurrent.ConcurrentBag<SearchTermCounter>();
        try
        {
            for (var blockStart = 0; blockStart < docs.Count; blockStart += block)
            {
                var blockEnd = Math.Min(docs.Count, blockStart + block);
                if (blockStart % (16 * block) == 0)
                {
                    checkpoint?.Invoke();
                }
                Parallel.For(blockStart, blockEnd, () => counters.TryTake(out var reused) ? reused : new SearchTermCounter(), (d, loop, counter) =>
                {
                    var paper = docs[d];
                    var paperAnalysis = analysis.For(paper.Id);
                    var slugs = DocSlugs(paperAnalysis.TopicSlugs, topicIndex);
                    docSlugs[d] = slugs;
                    var texts = FieldTexts(paper, paperAnalysis, TopicTitles(slugs, topics, topicIndex));
                    analysed[d] = cache is null ? counter.Analyze(texts) : cache.GetOrAnalyze(texts, counter.Analyze);
                    return counter;
                }, counters.Add);

                for (var d = blockStart; d < blockEnd; d++)
                {
                    var topicList = new int[docSlugs[d].Count];
                    for (var i = 0; i < topicList.Length; i++)
                    {
                        topicList[i] = topicIndex[docSlugs[d][i]];
                    }
                    Array.Sort(topicList);
                    docTopics.Add(topicList);
                    var paperTerms = analysed[d];
                    var shared = ReferenceEquals(paperTerms.Table, sharedTable);
                    var ids = new int[paperTerms.Ids.Length];
                    // Term ids follow first occurrence (docs, fields and text in order), so they
                    // never depend on scheduling; the output is ordered by term anyway.
                    for (var i = 0; i < ids.Length; i++)
                    {
                        var local = paperTerms.Ids[i];
                        // A term of the cache's shared table is looked up by its string once per build.
                        var id = shared ? sharedIds![local] : -1;
                        if (id < 0)
                        {
                            var name = paperTerms.Table[local];
                            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(termIds, name, out var known);
                            if (!known)
                            {
                                slot = termNames.Count;
                                termNames.Add(name);
                            }
                            id = slot;
                            if (shared)
                            {
                                sharedIds![local] = id;
                            }
                        }
                        ids[i] = id;
                    }
                    docIds[d] = ids;
                    docTerms[d] = paperTerms;
                    for (var f = 0; f < fieldCount; f++)
                    {
                        var length = paperTerms.Lengths[f];
                        if (length > 0)
                        {
                            norms[f][d] = Bm25Field.EncodeLength(length);
                            sumTf[f] += length;
                        }
                        ref var df = ref docFreq[f];
                        for (var i = paperTerms.Starts[f]; i < paperTerms.Starts[f + 1]; i++)
                        {
                            var term = ids[i];
                            if (term >= df.Length)
                            {
                                Array.Resize(ref df, Math.Max(2 * df.Length, term + 1));
                            }
                            df[term]++;
                        }
                    }
                    analysed[d] = null!;
                }
            }
        }
        finally
        {
            foreach (var counter in counters)
            {
                counter.Dispose();
            }
        }

        var bm25 = Enumerable.Range(0, fieldCount).Select(f => new Bm25Field(sumTf[f], docs.Count)).ToArray();
        // Postings as exact-size arrays: count each term's papers first (a term in several fields of
        // a paper once), then fill them in doc order; no list grows and no per-doc dictionary.
        var termCount = termNames.Count;
        var lastDoc = new int[termCount];
        Array.Fill(lastDoc, -1);
        var postingCounts = new int[termCount];
        for (var d = 0; d < docs.Count; d++)
        {
            foreach (var term in docIds[d])
            {
                if (lastDoc[term] != d)
                {
                    lastDoc[term] = d;
                    postingCounts[term]++;
                }
            }
        }
        var postings = new SearchPosting[termCount][];
        for (var t = 0; t < termCount; t++)
        {
            postings[t] = new SearchPosting[postingCounts[t]];
        }
        Array.Fill(lastDoc, -1);
        var filled = new int[termCount];
        var scores = new float[termCount];
        var touched = new List<int>();
        // A term's weight in a field depends on its doc frequency alone: computed once per frequency (a logarithm each).
        var weights = new float[fieldCount][];
        for (var f = 0; f < fieldCount; f++)
        {
            weights[f] = new float[docs.Count + 1];
            Array.Fill(weights[f], float.NaN);
        }
        for (var d = 0; d < docs.Count; d++)
        {
            touched.Clear();
            var paperTerms = docTerms[d];
            var ids = docIds[d];
            // Fields in schema order, so the float sum is the same on every build.
            for (var f = 0; f < fieldCount; f++)
            {
                if (paperTerms.Lengths[f] == 0)
                {
                    continue;
                }
                var (field, df, fieldWeights, norm) = (bm25[f], docFreq[f], weights[f], norms[f][d]);
                for (var i = paperTerms.Starts[f]; i < paperTerms.Starts[f + 1]; i++)
                {
                    var term = ids[i];
                    ref var weight = ref fieldWeights[df[term]];
                    if (float.IsNaN(weight))
                    {
                        weight = field.Weight(df[term], SearchSchema.Weights[f]);
                    }
                    var s = field.Score(weight, paperTerms.Frequencies[i], norm);
                    if (lastDoc[term] != d)
                    {
                        lastDoc[term] = d;
                        scores[term] = 0f;
                        touched.Add(term);
                    }
                    scores[term] += s;
                }
            }
            foreach (var term in touched)
            {
                postings[term][filled[term]++] = new SearchPosting(d, scores[term]);
            }
        }

        var sorted = termNames.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        var byTerm = new Dictionary<string, IReadOnlyList<SearchPosting>>(StringComparer.Ordinal);
        foreach (var term in sorted)
        {
            byTerm[term] = postings[termIds[term]];
        }
        return new SearchIndexData(docs, sorted, byTerm, bm25.Select(b => b.AverageLength).ToList(), docTopics, topics);
    }

    /// <summary>The paper's topic slugs that name a known topic, each once, in the order given.</summary>
    private static List<string> DocSlugs(IReadOnlyList<string> slugs, Dictionary<string, int> topicIndex)
    {
        var result = new List<string>(slugs.Count);
        foreach (var slug in slugs)
        {
            if (topicIndex.ContainsKey(slug) && !result.Contains(slug, StringComparer.Ordinal))
            {
                result.Add(slug);
            }
        }
        return result;
    }

    private static IEnumerable<string> TopicTitles(List<string> slugs, List<Topic> topics, Dictionary<string, int> topicIndex)
    {
        foreach (var slug in slugs)
        {
            yield return topics[topicIndex[slug]].Title;
        }
    }

    /// <summary>Newest first (first listing day, else publication date), then id; undated papers last.</summary>
    public static IReadOnlyList<Paper> OrderDocs(IEnumerable<Paper> papers) =>
        papers.OrderBy(p => p.FirstSeen is null ? 1 : 0)
            .ThenByDescending(p => p.FirstSeen ?? DateOnly.MinValue)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>The text of every field of <see cref="SearchSchema.Fields"/>, in order.</summary>
    public static string[] FieldTexts(Paper paper, PaperAnalysis analysis, IEnumerable<string> topicTitles)
    {
        var keywords = analysis.Keywords.Count > 0 ? analysis.Keywords : paper.AiKeywords;
        return
        [
            paper.Title,
            paper.Abstract ?? "",
            string.Join("\n", paper.Authors.Select(a => a.Name)),
            paper.Organization ?? "",
            string.Join("\n", keywords),
            string.Join("\n", topicTitles),
        ];
    }
}
