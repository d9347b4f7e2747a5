using System.Globalization;
using System.Text;

namespace PaperArchive.Tests.Ingest.Json;

/// <summary>
/// Writes values the way CPython's <c>repr()</c> does (Objects/unicodeobject.c <c>unicode_repr</c>,
/// <c>float_repr</c>, <c>list_repr</c>, <c>dict_repr</c>): single quotes unless the string holds a
/// single quote and no double quote; <c>\\ \t \n \r</c> and the chosen quote escaped; other ASCII
/// controls and DEL as <c>\xhh</c>; non-printable non-ASCII as <c>\xhh</c>/<c>\uhhhh</c>/<c>\Uhhhhhhhh</c>;
/// printable non-ASCII as is; <c>', '</c> and <c>': '</c> separators; a 1-tuple as <c>(x,)</c>.
/// </summary>
public static class PythonRepr
{
    public static string Of(PyValue value)
    {
        var sb = new StringBuilder();
        Write(sb, value);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, PyValue value)
    {
        switch (value)
        {
            case PyValue.None:
                sb.Append("None");
                break;
            case PyValue.Bool b:
                sb.Append(b.Value ? "True" : "False");
                break;
            case PyValue.Int i:
                sb.Append(i.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case PyValue.Float f:
                sb.Append(Float(f.Value));
                break;
            case PyValue.Str s:
                sb.Append(Str(s.Value));
                break;
            case PyValue.List l:
                sb.Append(l.Tuple ? '(' : '[');
                for (var i = 0; i < l.Items.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    Write(sb, l.Items[i]);
                }
                if (l.Tuple && l.Items.Count == 1) sb.Append(',');
                sb.Append(l.Tuple ? ')' : ']');
                break;
            case PyValue.Dict d:
                sb.Append('{');
                for (var i = 0; i < d.Entries.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    sb.Append(Str(d.Entries[i].Key)).Append(": ");
                    Write(sb, d.Entries[i].Value);
                }
                sb.Append('}');
                break;
        }
    }

    public static string Float(double d)
    {
        if (double.IsNaN(d)) return "nan";
        if (double.IsPositiveInfinity(d)) return "inf";
        if (double.IsNegativeInfinity(d)) return "-inf";
        // Shortest round-trip digits, like Python's repr; Python writes 1e+16 / 1e-05 / 1.0.
        var r = d.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
        var e = r.IndexOf('e');
        if (e >= 0)
        {
            var mantissa = r[..e];
            var exp = r[(e + 1)..];
            var sign = exp[0] is '-' or '+' ? exp[0] : '+';
            var digits = exp.TrimStart('-', '+');
            return mantissa + "e" + sign + digits.PadLeft(2, '0');
        }
        return r.Contains('.') ? r : r + ".0";
    }

    public static string Str(string s)
    {
        var quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2).Append(quote);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            int cp = c;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                cp = char.ConvertToUtf32(c, s[i + 1]);
                i++;
            }
            if (cp == quote || cp == '\\') sb.Append('\\').Append((char)cp);
            else if (cp == '\t') sb.Append("\\t");
            else if (cp == '\n') sb.Append("\\n");
            else if (cp == '\r') sb.Append("\\r");
            else if (cp < ' ' || cp == 0x7f) sb.Append("\\x").Append(cp.ToString("x2", CultureInfo.InvariantCulture));
            else if (cp < 0x7f) sb.Append((char)cp);
            else if (IsPrintable(cp)) sb.Append(char.ConvertFromUtf32(cp));
            else if (cp <= 0xff) sb.Append("\\x").Append(cp.ToString("x2", CultureInfo.InvariantCulture));
            else if (cp <= 0xffff) sb.Append("\\u").Append(cp.ToString("x4", CultureInfo.InvariantCulture));
            else sb.Append("\\U").Append(cp.ToString("x8", CultureInfo.InvariantCulture));
        }
        return sb.Append(quote).ToString();
    }

    /// <summary>Python's str.isprintable: not Other (Cc, Cf, Cs, Co, Cn) nor Separator except the ASCII space.</summary>
    private static bool IsPrintable(int cp)
    {
        if (cp is >= 0xD800 and <= 0xDFFF) return false; // lone surrogate
        var cat = CharUnicodeInfo.GetUnicodeCategory(cp);
        return cat is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
    }
}
