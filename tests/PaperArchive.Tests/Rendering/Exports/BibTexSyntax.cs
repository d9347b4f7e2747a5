using System.Text;

namespace PaperArchive.Tests.Rendering.Exports;

/// <summary>
/// A strict BibTeX reader for tests: <c>@type{key, name = {value} | number | month-macro, …}</c>
/// entries separated by whitespace. Stricter than BibTeX itself: keys are ASCII words and unique in
/// the file, field names unique per entry, braces balanced, and in text fields LaTeX's special
/// characters appear only escaped (<c>\#</c>, <c>\textasciitilde{}</c>, …) — what a reference manager
/// and LaTeX both accept. Throws <see cref="FormatException"/> with the offset on the first error.
/// </summary>
public static class BibTexSyntax
{
    public sealed record Entry(string Type, string Key, IReadOnlyDictionary<string, string> Fields);

    private static readonly HashSet<string> Months = new(StringComparer.Ordinal) { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };

    /// <summary>Fields whose value is a URL or identifier, not LaTeX text.</summary>
    private static readonly HashSet<string> Verbatim = new(StringComparer.OrdinalIgnoreCase) { "url", "eprint", "doi" };

    private static readonly HashSet<string> Commands = new(StringComparer.Ordinal) { "textbackslash", "textbraceleft", "textbraceright", "textasciitilde", "textasciicircum" };

    public static IReadOnlyList<Entry> Parse(string text)
    {
        var entries = new List<Entry>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        SkipSpace(text, ref i);
        while (i < text.Length)
        {
            Expect(text, ref i, '@');
            var type = Word(text, ref i);
            Expect(text, ref i, '{');
            var key = Word(text, ref i, allowDigits: true);
            if (!keys.Add(key))
            {
                throw new FormatException($"duplicate key '{key}' at {i}");
            }
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            SkipSpace(text, ref i);
            while (true)
            {
                if (Peek(text, i) == '}')
                {
                    i++;
                    break;
                }
                Expect(text, ref i, ',');
                SkipSpace(text, ref i);
                if (Peek(text, i) == '}')
                {
                    i++;
                    break;
                }
                var name = Word(text, ref i);
                SkipSpace(text, ref i);
                Expect(text, ref i, '=');
                SkipSpace(text, ref i);
                string value;
                if (Peek(text, i) == '{')
                {
                    value = Braced(text, ref i);
                    if (!Verbatim.Contains(name))
                    {
                        CheckLatex(value, i);
                    }
                }
                else if (char.IsAsciiDigit(Peek(text, i)))
                {
                    value = Word(text, ref i, allowDigits: true);
                    if (!value.All(char.IsAsciiDigit))
                    {
                        throw new FormatException($"bad number '{value}' at {i}");
                    }
                }
                else
                {
                    value = Word(text, ref i);
                    if (!Months.Contains(value))
                    {
                        throw new FormatException($"undefined macro '{value}' at {i}");
                    }
                }
                if (!fields.TryAdd(name, value))
                {
                    throw new FormatException($"field '{name}' twice in '{key}' at {i}");
                }
                SkipSpace(text, ref i);
            }
            entries.Add(new Entry(type, key, fields));
            SkipSpace(text, ref i);
        }
        return entries;
    }

    /// <summary>The text a LaTeX reader sees in an escaped value (the inverse of BibTex.Escape, outer grouping braces dropped).</summary>
    public static string Unescape(string value)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\')
            {
                var j = i + 1;
                while (j < value.Length && char.IsAsciiLetter(value[j]))
                {
                    j++;
                }
                if (j == i + 1)
                {
                    sb.Append(value[j]);
                    i = j;
                    continue;
                }
                var command = value[(i + 1)..j];
                sb.Append(command switch
                {
                    "textbackslash" => '\\',
                    "textbraceleft" => '{',
                    "textbraceright" => '}',
                    "textasciitilde" => '~',
                    "textasciicircum" => '^',
                    _ => throw new FormatException("unknown command \\" + command),
                });
                i = j + 1; // skip the "{}" after the command; the loop's i++ skips the "}"
                continue;
            }
            if (c is '{' or '}')
            {
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static void CheckLatex(string value, int at)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\')
            {
                var j = i + 1;
                if (j < value.Length && value[j] is '#' or '$' or '%' or '&' or '_')
                {
                    i = j;
                    continue;
                }
                while (j < value.Length && char.IsAsciiLetter(value[j]))
                {
                    j++;
                }
                var command = value[(i + 1)..j];
                if (!Commands.Contains(command) || j + 1 >= value.Length || value[j] != '{' || value[j + 1] != '}')
                {
                    throw new FormatException($"unexpected LaTeX command '\\{command}' near {at}");
                }
                i = j + 1;
                continue;
            }
            if (c is '#' or '$' or '%' or '&' or '_' or '~' or '^')
            {
                throw new FormatException($"unescaped '{c}' in '{value}' near {at}");
            }
            if (char.IsControl(c))
            {
                throw new FormatException($"control character U+{(int)c:X4} near {at}");
            }
        }
    }

    private static string Braced(string text, ref int i)
    {
        var start = ++i;
        var depth = 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '{' or '}')
            {
                // BibTeX counts escaped braces too; we never write them.
                throw new FormatException($"escaped brace at {i}");
            }
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth == 0)
            {
                return text[start..i++];
            }
            if (c == '@' && depth == 1 && i > 0 && text[i - 1] == '\n')
            {
                throw new FormatException($"entry starts inside a value at {i}");
            }
            i++;
        }
        throw new FormatException("unbalanced braces: value never closes");
    }

    private static string Word(string text, ref int i, bool allowDigits = false)
    {
        var start = i;
        while (i < text.Length && (char.IsAsciiLetter(text[i]) || (allowDigits && char.IsAsciiDigit(text[i]))))
        {
            i++;
        }
        if (i == start)
        {
            throw new FormatException($"expected a word at {i}: '{Snippet(text, i)}'");
        }
        return text[start..i];
    }

    private static void Expect(string text, ref int i, char c)
    {
        if (Peek(text, i) != c)
        {
            throw new FormatException($"expected '{c}' at {i}: '{Snippet(text, i)}'");
        }
        i++;
    }

    private static char Peek(string text, int i) => i < text.Length ? text[i] : '\0';

    private static void SkipSpace(string text, ref int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
    }

    private static string Snippet(string text, int i) => text.Substring(i, Math.Min(20, text.Length - i));
}
