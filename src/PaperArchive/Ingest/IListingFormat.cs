namespace PaperArchive.Ingest;

/// <summary>
/// One listing format. Formats are chosen by content: <see cref="Sniff"/> looks at the start of the
/// text (and only as a hint at the file name) and answers how sure it is (0 = not this format).
/// </summary>
public interface IListingFormat
{
    SourceKind Kind { get; }

    /// <summary>0..100: how sure this format is that <paramref name="head"/> (the first few KB) is its own.</summary>
    int Sniff(ReadOnlySpan<char> head, string fileName);

    /// <summary>Reads the whole text. Never throws for bad data: problems go into the result's diagnostics.</summary>
    ListingReadResult Read(string text, string file);
}
