using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Topics;

/// <summary>
/// Front door of the topics stage: topics, normalised keywords and similar papers for the whole
/// archive, computed over an in-memory Lucene index
/// of the papers not already analysed by an earlier run (<see cref="TopicAnalysisCache"/>). The result depends only on the set of papers
/// and the rules, never on the order of <see cref="ArchiveModel.Papers"/> or on thread scheduling.
/// </summary>
public static class TopicAnalyzer
{
    public static ArchiveAnalysis Analyze(ArchiveModel archive, IReadOnlyList<Topic> topics, TopicAnalysisOptions? options = null) =>
        Run(archive, topics, options).Analysis;

    /// <summary>
    /// Like <see cref="Analyze"/>, plus diagnostics: an invalid query is an error, a topic matching nothing a warning.
    /// With a <paramref name="cache"/> from an earlier run (<see cref="TopicAnalysisResult.Cache"/>), papers it
    /// knows unchanged are not analysed or indexed again; the result is the same as without it.
    /// </summary>
    public static TopicAnalysisResult Run(ArchiveModel archive, IReadOnlyList<Topic> topics, TopicAnalysisOptions? options = null, TopicAnalysisCache? cache = null)
    {
        options ??= TopicAnalysisOptions.Default;
        var diagnostics = new List<Diagnostic>();
        var papers = archive.Papers.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var ids = papers.Select(p => p.Id).ToList();

        // Keywords analysed by an earlier run of this engine are not analysed again (the concepts are still formed anew).
        var normalizer = new KeywordNormalizer(cache is not null && cache.Engine == TopicAnalysisCache.CurrentEngine ? cache.Keywords : null);
        var keywords = normalizer.Normalize(papers);
        var keywordText = papers.Select(p => string.Join("\n", p.AiKeywords.Select(normalizer.WithExpansions))).ToList();
        var threads = Math.Max(1, options.MaxDegreeOfParallelism ?? Environment.ProcessorCount);

        // Each query is parsed for its diagnostics; the valid ones are evaluated below.
        using var queryAnalyzer = new TopicIndexAnalyzer();
        var parsed = new List<(Topic Topic, Lucene.Net.Search.Query Query)>();
        foreach (var topic in topics)
        {
            var (query, error) = TopicQueryParser.Parse(topic.Query, queryAnalyzer);
            if (query is null)
            {
                diagnostics.Add(Diagnostic.Error(topic.SourceFile ?? "topics", Where(topic), $"topic '{topic.Slug}': invalid query: {error}"));
                continue;
            }
            parsed.Add((topic, query));
        }
        var queryTexts = parsed.Select(q => q.Topic.Query).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        // Papers the cache knows unchanged keep their similarity terms and matches, provided every query's
        // matches are per paper (not fuzzy: its expansion depends on the whole index) and were evaluated then.
        var hashes = new byte[papers.Count][];
        Parallel.For(0, papers.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i => hashes[i] = TopicAnalysisCache.Hash(papers[i], keywordText[i]));
        var cachedQuery = new int[queryTexts.Count];
        var cacheUsable = cache is not null && cache.Engine == TopicAnalysisCache.CurrentEngine && parsed.All(q => TopicQueryLocality.IsPerPaper(q.Query));
        for (var q = 0; q < queryTexts.Count && cacheUsable; q++)
        {
            cachedQuery[q] = IndexOf(cache!.Queries, queryTexts[q]);
            cacheUsable = cachedQuery[q] >= 0;
        }
        var similarityTerms = new (string Term, int Frequency)[papers.Count][];
        var matches = new List<int>[papers.Count]; // per paper: indexes into queryTexts
        var fresh = new List<int>();
        for (var i = 0; i < papers.Count; i++)
        {
            if (cacheUsable && cache!.TryGet(ids[i], hashes[i], out var entry))
            {
                similarityTerms[i] = entry.Terms;
                var set = new List<int>();
                for (var q = 0; q < queryTexts.Count; q++)
                {
                    if (Array.IndexOf(entry.Topics, cachedQuery[q]) >= 0)
                    {
                        set.Add(q);
                    }
                }
                matches[i] = set;
            }
            else
            {
                fresh.Add(i);
                matches[i] = [];
            }
        }

        // The rest are analysed once, indexed, and the queries run over them.
        if (fresh.Count > 0)
        {
            using var index = new PaperIndex(papers, keywordText, fresh.Count == papers.Count ? null : fresh, threads, similarityTerms);
            for (var q = 0; q < queryTexts.Count; q++)
            {
                var query = parsed.First(p => p.Topic.Query == queryTexts[q]).Query;
                var collector = new DocCollector();
                index.Searcher.Search(query, collector);
                foreach (var doc in collector.Docs)
                {
                    matches[index.Ordinal(doc)].Add(q);
                }
            }
        }

        var topicsOf = new List<string>[papers.Count];
        var matched = new int[queryTexts.Count];
        var queryIndex = queryTexts.Select((t, i) => (t, i)).ToDictionary(e => e.t, e => e.i, StringComparer.Ordinal);
        var slugsOfQuery = queryTexts.Select(q => parsed.Where(p => p.Topic.Query == q).Select(p => p.Topic.Slug).ToList()).ToList();
        for (var i = 0; i < papers.Count; i++)
        {
            topicsOf[i] = [];
            foreach (var q in matches[i])
            {
                matched[q]++;
                topicsOf[i].AddRange(slugsOfQuery[q]);
            }
        }
        foreach (var (topic, _) in parsed)
        {
            if (matched[queryIndex[topic.Query]] == 0)
            {
                diagnostics.Add(Diagnostic.Warning(topic.SourceFile ?? "topics", Where(topic), $"topic '{topic.Slug}' matches no paper"));
            }
        }

        var entries = new Dictionary<string, TopicAnalysisCache.Entry>(papers.Count, StringComparer.Ordinal);
        for (var i = 0; i < papers.Count; i++)
        {
            entries[ids[i]] = new TopicAnalysisCache.Entry(hashes[i], similarityTerms[i], [.. matches[i].Order()]);
        }
        var nextCache = new TopicAnalysisCache(TopicAnalysisCache.CurrentEngine, queryTexts, entries, normalizer.Analyzed);

        var similar = SimilarPapers.Compute(similarityTerms, ids, options, threads);

        var order = topics.Select((t, i) => (t.Slug, i)).GroupBy(t => t.Slug, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        var byPaper = new Dictionary<string, PaperAnalysis>(StringComparer.Ordinal);
        for (var i = 0; i < papers.Count; i++)
        {
            byPaper[ids[i]] = new PaperAnalysis(
                ids[i],
                topicsOf[i].Distinct(StringComparer.Ordinal).OrderBy(s => order[s]).ToValueList(),
                keywords.PerPaper[i].ToValueList(),
                similar[i].ToValueList());
        }

        return new TopicAnalysisResult(
            new ArchiveAnalysis(topics.ToValueList(), byPaper, KeywordPages(keywords, options.KeywordPageMinPapers)),
            diagnostics)
        {
            Cache = nextCache,
        };
    }

    /// <summary>Keyword → slug for keywords on at least <paramref name="minPapers"/> papers; a clashing slug gets "-2", "-3" in (count desc, keyword ordinal) order.</summary>
    private static Dictionary<string, string> KeywordPages(KeywordResult keywords, int minPapers)
    {
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyword, _) in keywords.PaperCounts
                     .Where(e => e.Value >= minPapers)
                     .OrderByDescending(e => e.Value)
                     .ThenBy(e => e.Key, StringComparer.Ordinal))
        {
            var slug = Slug.From(keyword);
            var candidate = slug;
            for (var n = 2; !used.Add(candidate); n++)
            {
                candidate = slug + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            pages[keyword] = candidate;
        }
        return pages;
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    private static string Where(Topic topic) =>
        topic.SourceLine is { } line ? "line " + line.ToString(System.Globalization.CultureInfo.InvariantCulture) : "topic '" + topic.Slug + "'";
}
