namespace PaperArchive.Topics;

/// <summary>Knobs of <see cref="TopicAnalyzer"/>; the defaults are what the site build uses.</summary>
public sealed record TopicAnalysisOptions
{
    public static readonly TopicAnalysisOptions Default = new();

    /// <summary>Similar papers listed per paper.</summary>
    public int SimilarCount { get; init; } = 8;

    /// <summary>A term must occur in at least this many papers to be used for similarity (drops typos and one-off names).</summary>
    public int SimilarMinDocFreq { get; init; } = 2;

    /// <summary>Terms in more than this fraction of papers ("model", "task") say nothing about similarity.</summary>
    public double SimilarMaxDocFreqFraction { get; init; } = 0.12;

    /// <summary>The most distinctive terms of a paper that its similarity query uses (MoreLikeThis's maxQueryTerms).</summary>
    public int SimilarMaxQueryTerms { get; init; } = 25;

    /// <summary>Candidates less similar than this (cosine of tf·idf weights, 0–1) are not listed.</summary>
    public double SimilarMinScore { get; init; } = 0.05;

    /// <summary>A normalised keyword gets its own page when at least this many papers carry it.</summary>
    public int KeywordPageMinPapers { get; init; } = 3;

    /// <summary>Threads for indexing and similarity; null = one per core. The output does not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
