namespace PaperArchive.Model;

/// <summary>
/// Build-time analysis of the archive (topics, keywords, similar papers). Produced by
/// <c>Topics/</c>; read by rendering and search. <see cref="KeywordPages"/> are the normalised
/// keywords shared by enough papers to get a page of their own (keyword → slug).
/// </summary>
public sealed record ArchiveAnalysis(
    ValueList<Topic> Topics,
    IReadOnlyDictionary<string, PaperAnalysis> ByPaper,
    IReadOnlyDictionary<string, string> KeywordPages)
{
    public static readonly ArchiveAnalysis Empty = new(
        ValueList<Topic>.Empty,
        new Dictionary<string, PaperAnalysis>(),
        new Dictionary<string, string>());

    public PaperAnalysis For(string paperId) =>
        ByPaper.TryGetValue(paperId, out var a)
            ? a
            : new PaperAnalysis(paperId, ValueList<string>.Empty, ValueList<string>.Empty, ValueList<string>.Empty);
}
