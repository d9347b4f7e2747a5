namespace PaperArchive.Search;

/// <summary>
/// The indexed fields and their weights. A term's score in a paper is the weighted sum of its
/// Lucene BM25 score in each field, exactly what a BooleanQuery of boosted TermQuerys would give.
/// The title dominates because people remember titles; the abstract is long and noisy.
/// </summary>
public static class SearchSchema
{
    public static readonly IReadOnlyList<string> Fields = ["title", "abstract", "authors", "organisation", "keywords", "topics"];

    public static readonly IReadOnlyList<float> Weights = [5.0f, 1.0f, 2.0f, 1.5f, 2.0f, 1.5f];

    /// <summary>Lucene's BM25 defaults.</summary>
    public const float K1 = 1.2f;

    public const float B = 0.75f;

    /// <summary>Levels a posting's score is quantised to, relative to the term's highest score (one base-64 character).</summary>
    public const int ScoreLevels = 63;
}
