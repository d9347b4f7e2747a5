using PaperArchive.Ingest.Json;

namespace PaperArchive.Ingest.Text;

/// <summary>
/// Whitespace rules for titles and abstracts in the HTML and text readers: sources keep arXiv hard
/// wraps ("\n  ") and pretty-printers add indentation, none of which is content. Delegates to the API
/// reader's rules so that the same paper read from any source normalises to the same text (the merge
/// reports differing abstracts).
/// </summary>
internal static class PaperTextCleaner
{
    /// <summary>Title on one line: every whitespace run becomes one space.</summary>
    public static string Title(string? text) => CollapseWhitespace(text ?? "");

    /// <summary>Abstract: hard wraps joined, blank lines kept as paragraph breaks; null when nothing is left.</summary>
    public static string? Abstract(string? text) => ApiJsonItemMapper.CleanAbstract(text?.Replace('\u200b', ' '));

    /// <summary>Every run of whitespace (including NBSP, zero-width space and line breaks) becomes one space; trimmed.</summary>
    public static string CollapseWhitespace(string text) => ApiJsonItemMapper.Clean(text.Replace('\u200b', ' '))!;
}
