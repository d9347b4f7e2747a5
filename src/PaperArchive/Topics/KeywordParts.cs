namespace PaperArchive.Topics;

/// <summary>
/// What the keyword normaliser learns of one raw keyword on its own (<see cref="KeywordNormalizer"/>): its surface form,
/// concept node, squashed node, the acronym key and expansion node of an "expansion (ACRONYM)" keyword, and the keyword
/// with table acronyms written out for the index. Pure functions of the keyword and the engine, kept between builds in
/// <see cref="TopicAnalysisCache"/>.
/// </summary>
internal sealed record KeywordParts(string Surface, string Node, string Squashed, string? AcronymKey, string? ExpansionNode, string WithExpansions);
