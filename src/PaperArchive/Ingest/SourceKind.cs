namespace PaperArchive.Ingest;

/// <summary>Which format a file was read as. The order is the merge's order of trust: richer sources last.</summary>
public enum SourceKind
{
    PageText,
    ListingHtml,
    PaperHtml,
    ApiJson,
}
