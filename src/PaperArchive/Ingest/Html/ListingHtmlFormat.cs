namespace PaperArchive.Ingest.Html;

/// <summary>TODO(ingest): not implemented yet.</summary>
public sealed class ListingHtmlFormat : IListingFormat
{
    public SourceKind Kind => SourceKind.ListingHtml;

    public int Sniff(ReadOnlySpan<char> head, string fileName) => 0;

    public ListingReadResult Read(string text, string file) => ListingReadResult.Unreadable(file, "format not implemented yet");
}
