using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Topics;

/// <summary>
/// Front door of the topics stage: topics, normalised keywords and similar papers for the whole
/// archive, computed over an in-memory Lucene index. The result depends only on the set of papers
/// and the rules, never on the order of <see cref="ArchiveModel.Papers"/> or on thread scheduling.
/// </summary>
public static class TopicAnalyzer
{
    public static ArchiveAnalysis Analyze(ArchiveModel archive, IReadOnlyList<Topic> topics, TopicAnalysisOptions? options = null) =>
        Run(archive, topics, options).Analysis;

    /// <summary>Like <see cref="Analyze"/>, plus diagnostics: an invalid query is an error, a topic matching nothing a warning.</summary>
    public static TopicAnalysisResult Run(ArchiveModel archive, IReadOnlyList<Topic> topics, TopicAnalysisOptions? options = null)
    {
        options ??= TopicAnalysisOptions.Default;
        var diagnostics = new List<Diagnostic>();
        var papers = archive.Papers.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var ids = papers.Select(p => p.Id).ToList();

        var normalizer = new KeywordNormalizer();
        var keywords = normalizer.Normalize(papers);
        var keywordText = papers.Select(p => string.Join("\n", p.AiKeywords.Select(normalizer.WithExpansions))).ToList();

        var threads = Math.Max(1, options.MaxDegreeOfParallelism ?? Environment.ProcessorCount);
        using var index = new PaperIndex(papers, keywordText, threads);

        var topicsOf = new List<string>[papers.Count];
        for (var i = 0; i < topicsOf.Length; i++)
        {
            topicsOf[i] = [];
        }
        foreach (var topic in topics)
        {
            var (query, error) = TopicQueryParser.Parse(topic.Query, index.Analyzer);
            if (query is null)
            {
                diagnostics.Add(Diagnostic.Error(topic.SourceFile ?? "topics", Where(topic), $"topic '{topic.Slug}': invalid query: {error}"));
                continue;
            }
            var collector = new DocCollector();
            index.Searcher.Search(query, collector);
            if (collector.Docs.Count == 0)
            {
                diagnostics.Add(Diagnostic.Warning(topic.SourceFile ?? "topics", Where(topic), $"topic '{topic.Slug}' matches no paper"));
            }
            foreach (var doc in collector.Docs)
            {
                topicsOf[index.Ordinal(doc)].Add(topic.Slug);
            }
        }

        var similar = SimilarPapers.Compute(index, ids, options, threads);

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
            diagnostics);
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

    private static string Where(Topic topic) =>
        topic.SourceLine is { } line ? "line " + line.ToString(System.Globalization.CultureInfo.InvariantCulture) : "topic '" + topic.Slug + "'";
}
