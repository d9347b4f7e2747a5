using PaperArchive.Common;

namespace PaperArchive.Ingest.Text;

/// <summary>
/// What a layout parser read from copied page text: the page's own date heading ("Jan 29", the day
/// it was copied), full dates the page links to (the day navigation), the complete paper blocks and
/// the warnings for blocks it skipped.
/// </summary>
internal sealed record CopiedPage(
    PartialDate? Heading,
    IReadOnlyList<DateOnly> NavigationDates,
    IReadOnlyList<CopiedCard> Cards,
    IReadOnlyList<Diagnostic> Diagnostics);
