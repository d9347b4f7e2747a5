using PaperArchive.Ingest;
using PaperArchive.Model;
using PaperArchive.Topics;

namespace PaperArchive.Tests.Topics;

/// <summary>
/// The real API fixtures read and merged by the real importer, the default <c>input/topics.yml</c>, and
/// their analysis, computed once per test run (the analysis is immutable).
/// </summary>
internal static class TopicFixtures
{
    private static readonly Lazy<ArchiveModel> LazyArchive = new(() =>
    {
        var dir = Path.Combine(TestPaths.Fixtures, "hf-api");
        var results = Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal).Select(ListingReader.Read).ToList();
        return PaperMerger.Merge(ArchiveModel.Empty, results).Archive;
    });

    private static readonly Lazy<IReadOnlyList<Topic>> LazyTopics = new(() =>
    {
        var (topics, diagnostics) = TopicRules.Load(DefaultRulesPath);
        Assert.Empty(diagnostics);
        return topics;
    });

    private static readonly Lazy<TopicAnalysisResult> LazyResult = new(() => TopicAnalyzer.Run(Archive, Topics));

    public static string DefaultRulesPath => Path.Combine(TestPaths.RepoRoot, "input", "topics.yml");

    public static ArchiveModel Archive => LazyArchive.Value;

    public static IReadOnlyList<Topic> Topics => LazyTopics.Value;

    public static TopicAnalysisResult Result => LazyResult.Value;

    public static ArchiveAnalysis Analysis => Result.Analysis;

    public static Paper Paper(string id) => Archive.Papers.Single(p => p.Id == id);

    /// <summary>A tiny archive for query tests: papers with just a title, abstract and keywords.</summary>
    public static ArchiveModel Tiny(params (string Id, string Title, string Abstract, string[] Keywords)[] papers) =>
        new(papers.Select(p => new Paper { Id = p.Id, Title = p.Title, Abstract = p.Abstract, AiKeywords = p.Keywords.ToValueList() }).ToValueList(),
            ValueList<DayListing>.Empty);
}
