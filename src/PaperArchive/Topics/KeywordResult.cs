namespace PaperArchive.Topics;

/// <summary>
/// Normalised keywords: <see cref="PerPaper"/>[i] are the display forms of paper i's keywords (source
/// order, one per concept); <see cref="PaperCounts"/> says how many papers carry each display form.
/// </summary>
internal sealed record KeywordResult(IReadOnlyList<IReadOnlyList<string>> PerPaper, IReadOnlyDictionary<string, int> PaperCounts);
