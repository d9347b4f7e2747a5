namespace PaperArchive.Search;

/// <summary>
/// Sizes of the index pieces. The defaults keep a first query to a few dozen KB (gzip) at 50,000
/// papers while writing far fewer files than pages (see bench/search/RESULTS.md). A term with more
/// than <c>HeadPostings</c> postings keeps about that many of its best in its postings shard and
/// the rest in a tail file the client reads only when the head cannot decide a query.
/// </summary>
public sealed record SearchIndexOptions(
    int DictShardChars = 6000,
    int PostingsShardChars = 5000,
    int CardsPerChunk = 2,
    int UpvotesPerChunk = 4096,
    int SnippetSourceChars = 280,
    int HeadPostings = 2000)
{
    public static readonly SearchIndexOptions Default = new();
}
