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
        // Per field: per doc the (term id, tf) pairs and the norm byte; per term the doc frequency.
        var fieldDocs = new (int Term, int Tf)[fieldCount][][];
        var norms = new byte[fieldCount][];
        var hasField = new bool[fieldCount][];
        var sumTf = new long[fieldCount];
        var docFreq = new List<int>[fieldCount];
        var docTopics = new List<IReadOnlyList<int>>(docs.Count);
        for (var f = 0; f < fieldCount; f++)
        {
            fieldDocs[f] = new (int, int)[docs.Count][];
            norms[f] = new byte[docs.Count];
            hasField[f] = new bool[docs.Count];
            docFreq[f] = [];
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
                    var slugs = paperAnalysis.TopicSlugs.Where(topicIndex.ContainsKey).Distinct(StringComparer.Ordinal).ToList();
                    docSlugs[d] = slugs;
                    var texts = FieldTexts(paper, paperAnalysis, slugs.Select(s => topics[topicIndex[s]].Title));
                    analysed[d] = cache is null ? counter.Analyze(texts) : cache.GetOrAnalyze(texts, counter.Analyze);
                    return counter;
                }, counters.Add);

                for (var d = blockStart; d < blockEnd; d++)
                {
                    docTopics.Add(docSlugs[d].Select(s => topicIndex[s]).Order().ToList());
                    var paperTerms = analysed[d];
                    var shared = ReferenceEquals(paperTerms.Table, sharedTable);
                    for (var f = 0; f < fieldCount; f++)
                    {
                        var (start, end, length) = (paperTerms.Starts[f], paperTerms.Starts[f + 1], paperTerms.Lengths[f]);
                        var pairs = new (int Term, int Tf)[end - start];
                        // Term ids follow first occurrence (docs, fields and text in order), so they
                        // never depend on scheduling; the output is ordered by term anyway.
                        for (var i = start; i < end; i++)
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
                            pairs[i - start] = (id, paperTerms.Frequencies[i]);
                        }
                        fieldDocs[f][d] = pairs;
                        if (length > 0)
                        {
                            hasField[f][d] = true;
                            norms[f][d] = Bm25Field.EncodeLength(length);
                            sumTf[f] += length;
                        }
                        var df = docFreq[f];
                        foreach (var (term, _) in pairs)
                        {
                            while (df.Count <= term)
                            {
                                df.Add(0);
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
            for (var f = 0; f < fieldCount; f++)
            {
                if (!hasField[f][d])
                {
                    continue;
                }
                foreach (var (term, _) in fieldDocs[f][d])
                {
                    if (lastDoc[term] != d)
                    {
                        lastDoc[term] = d;
                        postingCounts[term]++;
                    }
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
        for (var d = 0; d < docs.Count; d++)
        {
            touched.Clear();
            // Fields in schema order, so the float sum is the same on every build.
            for (var f = 0; f < fieldCount; f++)
            {
                if (!hasField[f][d])
                {
                    continue;
                }
                foreach (var (term, tf) in fieldDocs[f][d])
                {
                    var s = bm25[f].Score(docFreq[f][term], SearchSchema.Weights[f], tf, norms[f][d]);
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
