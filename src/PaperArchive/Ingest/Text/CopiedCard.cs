namespace PaperArchive.Ingest.Text;

/// <summary>
/// One paper block as a layout parser found it in copied page text, before dates are resolved.
/// <see cref="Line"/> is the 1-based line of the block's title (or of its first line) for messages.
/// </summary>
internal sealed record CopiedCard(
    int Line,
    string Title,
    string? Abstract,
    string? ArxivId,
    int? AuthorCount,
    string? Organization,
    string? OrganizationHandle,
    PartialDate Date,
    int? Upvotes,
    int? Comments);
