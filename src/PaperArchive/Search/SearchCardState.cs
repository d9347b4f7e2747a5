namespace PaperArchive.Search;

/// <summary>
/// What a build knew of its result cards (<c>c&lt;n&gt;.js</c>), kept in <see cref="SearchAnalysisCache"/> for the
/// next build: per chunk the hash of everything the card is made from (<see cref="InputKeys"/>) and of the
/// file's UTF-8 bytes (<see cref="ContentHashes"/>), and the hash of the <c>root.js</c> bytes that build wrote.
/// A later build whose published <c>root.js</c> still has those bytes keeps every chunk whose inputs are the
/// same instead of rendering it (an incremental build renders 10 of 10,000 chunks at 20,000 papers); the root's
/// version covers every content hash, so it vouches for the published cards.
/// </summary>
/// <param name="CardsPerChunk">Card options the keys were made with (with <paramref name="SnippetSourceChars"/>): other options, other cards.</param>
internal sealed record SearchCardState(UInt128 RootHash, int CardsPerChunk, int SnippetSourceChars, UInt128[] InputKeys, UInt128[] ContentHashes);
