using System.Text;
using System.Text.RegularExpressions;

namespace PaperArchive.Ingest.Text;

/// <summary>
/// Whitespace rules for titles and abstracts shared by the HTML and text readers: sources keep
/// arXiv hard wraps ("\n  ") and pretty-printers add indentation, none of which is content.
/// TODO(ingest): unify with the API JSON reader's cleanup after merge.
/// </summary>
internal static partial class PaperTextCleaner
{
    /// <summary>Title on one line: every whitespace run becomes one space.</summary>
    public static string Title(string? text) => CollapseWhitespace(text ?? "");

    /// <summary>
    /// Abstract: blank lines separate paragraphs (kept as one blank line), single line breaks are
    /// hard wraps and become spaces. Null when nothing is left.
    /// </summary>
    public static string? Abstract(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var paragraphs = ParagraphBreak().Split(text.Replace("\r\n", "\n").Trim())
            .Select(CollapseWhitespace)
            .Where(p => p.Length > 0);
        var joined = string.Join("\n\n", paragraphs);
        return joined.Length == 0 ? null : joined;
    }

    /// <summary>Every run of whitespace (including NBSP and line breaks) becomes one space; trimmed.</summary>
    public static string CollapseWhitespace(string text)
    {
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch) || ch == '\u200b')
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }
            sb.Append(ch);
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex ParagraphBreak();
}
