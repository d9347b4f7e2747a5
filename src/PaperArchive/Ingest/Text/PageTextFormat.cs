namespace PaperArchive.Ingest.Text;

/// <summary>TODO(ingest): not implemented yet.</summary>
public sealed class PageTextFormat : IListingFormat
{
    public SourceKind Kind => SourceKind.PageText;

    public int Sniff(ReadOnlySpan<char> head, string fileName) => 0;

    public ListingReadResult Read(string text, string file) => ListingReadResult.Unreadable(file, "format not implemented yet");
}
