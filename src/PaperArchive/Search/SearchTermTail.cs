namespace PaperArchive.Search;

/// <summary>One band of a frequent term's postings below its head: encoded like the head, how many, and their best level (strictly below every band above).</summary>
public sealed record SearchTermTail(string Encoded, int Count, int MaxLevel);
