namespace PaperArchive.Search;

/// <summary>One paper (by doc number in index order) that contains a term, with the term's weighted BM25 score there.</summary>
public readonly record struct SearchPosting(int Doc, float Score);
