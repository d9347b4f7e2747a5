using PaperArchive.Model;

namespace PaperArchive.Search;

/// <summary>
/// The index in memory, before it is split into files: papers in doc-number order (newest first),
/// every term's postings with exact (unquantised) scores, and the per-field statistics.
/// </summary>
public sealed record SearchIndexData(
    IReadOnlyList<Paper> Docs,
    IReadOnlyList<string> Terms,
    IReadOnlyDictionary<string, IReadOnlyList<SearchPosting>> Postings,
    IReadOnlyList<float> AverageFieldLengths,
    IReadOnlyList<IReadOnlyList<int>> DocTopics,
    IReadOnlyList<Topic> Topics);
