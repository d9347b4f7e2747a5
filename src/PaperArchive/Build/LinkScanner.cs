using System.Net;

namespace PaperArchive.Build;

/// <summary>
/// Finds the <c>href</c>/<c>src</c> attributes of an HTML page and its <c>&lt;base href&gt;</c> in one
/// pass over the text: tags and quoted attribute values as HTML tokenises them, comments skipped, and
/// the contents of <c>script</c>, <c>style</c>, <c>textarea</c> and <c>title</c> taken as text (a
/// string in a script is not a link). Entities in values are decoded. Positions are the 1-based line
/// and column of the tag. What AngleSharp did per page in a few milliseconds, in a few microseconds,
/// so that every page a build writes can be checked.
/// </summary>
public static class LinkScanner
{
    public sealed record Link(string Value, int Line, int Column);

    public static (IReadOnlyList<Link> Links, string? BaseHref) Scan(string html)
    {
        var links = new List<Link>();
        string? baseHref = null;
        var s = html.AsSpan();
        var i = 0;
        var line = 1;
        var lineStart = 0;
        void Advance(ReadOnlySpan<char> text, int to)
        {
            var chunk = text[i..to];
            var count = chunk.Count('\n');
            if (count > 0)
            {
                line += count;
                lineStart = i + chunk.LastIndexOf('\n') + 1;
            }
            i = to;
        }
        while (i < s.Length)
        {
            var lt = s[i..].IndexOf('<');
            if (lt < 0)
            {
                break;
            }
            Advance(s, i + lt);
            if (s[i..].StartsWith("<!--"))
            {
                var end = s[(i + 4)..].IndexOf("-->");
                Advance(s, end < 0 ? s.Length : i + 4 + end + 3);
                continue;
            }
            if (i + 1 >= s.Length || !char.IsAsciiLetter(s[i + 1]))
            {
                // "</x>", "<!DOCTYPE>", "<?…>", or a lone '<' in text.
                var end = s[(i + 1)..].IndexOf('>');
                Advance(s, s.Length > i + 1 && (s[i + 1] is '/' or '!' or '?') && end >= 0 ? i + 1 + end + 1 : i + 1);
                continue;
            }
            var tagLine = line;
            var tagColumn = i - lineStart + 1;
            var p = i + 1;
            while (p < s.Length && (char.IsAsciiLetterOrDigit(s[p]) || s[p] == '-'))
            {
                p++;
            }
            var name = s[(i + 1)..p].ToString().ToLowerInvariant();
            // Attributes up to '>' (quoted values may hold '>').
            while (p < s.Length && s[p] != '>')
            {
                if (char.IsWhiteSpace(s[p]) || s[p] == '/')
                {
                    p++;
                    continue;
                }
                var nameStart = p;
                while (p < s.Length && !char.IsWhiteSpace(s[p]) && s[p] is not ('=' or '>' or '/'))
                {
                    p++;
                }
                var attribute = s[nameStart..p];
                while (p < s.Length && char.IsWhiteSpace(s[p]))
                {
                    p++;
                }
                if (p >= s.Length || s[p] != '=')
                {
                    continue;
                }
                p++;
                while (p < s.Length && char.IsWhiteSpace(s[p]))
                {
                    p++;
                }
                int valueStart, valueEnd;
                if (p < s.Length && s[p] is '"' or '\'')
                {
                    var quote = s[p];
                    valueStart = p + 1;
                    var close = s[valueStart..].IndexOf(quote);
                    valueEnd = close < 0 ? s.Length : valueStart + close;
                    p = Math.Min(s.Length, valueEnd + 1);
                }
                else
                {
                    valueStart = p;
                    while (p < s.Length && !char.IsWhiteSpace(s[p]) && s[p] != '>')
                    {
                        p++;
                    }
                    valueEnd = p;
                }
                var isHref = attribute.Equals("href", StringComparison.OrdinalIgnoreCase);
                if (isHref || attribute.Equals("src", StringComparison.OrdinalIgnoreCase))
                {
                    var raw = s[valueStart..valueEnd];
                    var value = raw.Contains('&') ? WebUtility.HtmlDecode(raw.ToString()) : raw.ToString();
                    if (name == "base")
                    {
                        if (isHref)
                        {
                            baseHref ??= value;
                        }
                    }
                    else
                    {
                        links.Add(new Link(value, tagLine, tagColumn));
                    }
                }
            }
            Advance(s, Math.Min(s.Length, p + 1));
            if (name is "script" or "style" or "textarea" or "title")
            {
                var close = s[i..].IndexOf(("</" + name).AsSpan(), StringComparison.OrdinalIgnoreCase);
                Advance(s, close < 0 ? s.Length : i + close);
            }
        }
        return (links, baseHref);
    }
}
