namespace PaperArchive.Search;

/// <summary>
/// One term's postings as written: the scale (<see cref="Max"/>, the term's best score), the head
/// (its best postings, kept in the postings shard) and, for frequent terms, further bands of lower
/// scores (each in its own <c>x&lt;n&gt;.js</c>, best first). Each is a varint count, doc gaps,
/// then one level digit per posting.
/// </summary>
public sealed record SearchTermEncoding(double Max, string Head, IReadOnlyList<SearchTermTail> Tails);
