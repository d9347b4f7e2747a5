namespace PaperArchive.Model;

/// <summary>What the build computes for one paper: its topics, normalised keywords and similar papers.</summary>
public sealed record PaperAnalysis(
    string PaperId,
    ValueList<string> TopicSlugs,
    ValueList<string> Keywords,
    ValueList<string> SimilarIds);
