using System.Text;
using System.Text.RegularExpressions;

namespace PaperArchive.Archive;

/// <summary>
/// Makes source text show literally in Markdown as GitHub renders it (CommonMark + GFM tables,
/// strikethrough, autolinks, math, emoji short codes, HTML). Backslash-escapes every ASCII punctuation
/// character that starts markup anywhere in a line, the ones that only matter at the start of a line
/// (list markers, block quotes, setext underlines), and the colon of <c>:emoji:</c> codes. Leading
/// indentation is dropped (it would make a code block) and control characters become spaces: the body
/// is for reading; the exact text is in the front matter.
/// </summary>
internal static partial class MarkdownText
{
    /// <summary>One line of inline text (a title, a name): line breaks become spaces.</summary>
    public static string Inline(string text) => EscapeLine(CollapseWhitespace(text));

    /// <summary>
    /// A block of prose (an abstract): paragraphs (blank-line separated) stay paragraphs, single line
    /// breaks stay soft breaks, each line escaped on its own.
    /// </summary>
    public static string Block(string text)
    {
        var paragraphs = ParagraphSplit().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))
            .Select(p => string.Join('\n', p.Split('\n')
                .Select(CollapseWhitespace)
                .Where(l => l.Length > 0)
                .Select(EscapeLine)))
            .Where(p => p.Length > 0);
        return string.Join("\n\n", paragraphs);
    }

    /// <summary>A URL as a Markdown link destination, or null when it is not an absolute http(s) URL.</summary>
    public static string? LinkTarget(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) ||
            !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }
        // AbsoluteUri percent-encodes spaces and controls; parentheses and angle brackets would end the destination.
        return uri.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)
            .Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal);
    }

    /// <summary>"[text](url)" when the URL is linkable, else the escaped text and the escaped URL.</summary>
    public static string Link(string text, string? url)
    {
        var target = LinkTarget(url);
        return target is null
            ? Inline(text) + (string.IsNullOrWhiteSpace(url) ? "" : " (" + Inline(url) + ")")
            : "[" + Inline(text) + "](" + target + ")";
    }

    private static string CollapseWhitespace(string text)
    {
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch) || char.IsControl(ch))
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

    private static string EscapeLine(string line)
    {
        var sb = new StringBuilder(line.Length + 16);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (NeedsEscape(c) || (i == 0 && StartsBlock(c)))
            {
                sb.Append('\\');
            }
            else if (c is '.' or ')' && IsOrderedListMarker(line, i))
            {
                sb.Append('\\');
            }
            else if (c == ':' && EmojiCodeFollows(line, i))
            {
                sb.Append('\\');
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    // Characters that open inline markup somewhere in a line: emphasis, code, links, images, HTML,
    // entities, tables, strikethrough, math, headings' closing hashes, hard-break backslashes,
    // template braces. ('!' needs no escape: it only matters before '[', which is escaped.)
    private static bool NeedsEscape(char c) =>
        c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~' or '$' or '&' or '#' or '{' or '}';

    // Characters that start a block only at the start of a line: lists, block quotes, setext underlines.
    private static bool StartsBlock(char c) => c is '-' or '+' or '=' or '>' or '#';

    // "1." or "12)" at the start of a line would start an ordered list.
    private static bool IsOrderedListMarker(string line, int i)
    {
        if (i == 0 || i > 9)
        {
            return false;
        }
        for (var j = 0; j < i; j++)
        {
            if (!char.IsAsciiDigit(line[j]))
            {
                return false;
            }
        }
        return true;
    }

    // GitHub turns ":smile:" into an emoji; escaping the opening colon keeps the text.
    private static bool EmojiCodeFollows(string line, int i)
    {
        var j = i + 1;
        while (j < line.Length && (char.IsAsciiLetterOrDigit(line[j]) || line[j] is '_' or '+' or '-'))
        {
            j++;
        }
        return j > i + 1 && j < line.Length && line[j] == ':';
    }

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex ParagraphSplit();
}
