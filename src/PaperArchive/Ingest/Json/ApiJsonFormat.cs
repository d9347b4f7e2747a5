namespace PaperArchive.Ingest.Json;

/// <summary>TODO(ingest): not implemented yet.</summary>
public sealed class ApiJsonFormat : IListingFormat
{
    public SourceKind Kind => SourceKind.ApiJson;

    public int Sniff(ReadOnlySpan<char> head, string fileName) => 0;

    public ListingReadResult Read(string text, string file) => ListingReadResult.Unreadable(file, "format not implemented yet");
}
