using System.Globalization;
using System.Text;

namespace PaperArchive.Archive;

/// <summary>
/// Writes YAML double-quoted scalars that every YAML 1.1/1.2 reader (we read with YamlDotNet) turns
/// back into exactly the same string. Written by hand because the archive needs one scalar style,
/// one line per value and byte-stable output across library versions; the rules are short:
/// escape what YAML does not allow literally (C0/C1 controls, DEL, BOM, non-characters), what it
/// would fold or normalise (line breaks incl. NEL, LS, PS; tabs) and the two quoting characters.
/// Lone surrogates cannot be encoded in UTF-8; they are written as U+FFFD (the importer replaces them
/// beforehand with <see cref="ArchiveText.Sanitize(string)"/>, so the round trip is still exact).
/// </summary>
internal static class YamlScalar
{
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        AppendQuoted(sb, value);
        return sb.ToString();
    }

    public static void AppendQuoted(StringBuilder sb, string value)
    {
        sb.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                var cp = char.ConvertToUtf32(c, value[i + 1]);
                // Plane-15/16 private use and the U+nFFFE/U+nFFFF non-characters are escaped; other astral text (emoji) stays readable.
                if ((cp & 0xFFFE) == 0xFFFE)
                {
                    sb.Append("\\U").Append(cp.ToString("X8", CultureInfo.InvariantCulture));
                }
                else
                {
                    sb.Append(c).Append(value[i + 1]);
                }
                i++;
                continue;
            }
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\0': sb.Append("\\0"); break;
                case '\a': sb.Append("\\a"); break;
                case '\b': sb.Append("\\b"); break;
                case '\t': sb.Append("\\t"); break;
                case '\n': sb.Append("\\n"); break;
                case '\v': sb.Append("\\v"); break;
                case '\f': sb.Append("\\f"); break;
                case '\r': sb.Append("\\r"); break;
                case '\u001B': sb.Append("\\e"); break;
                case '\u0085': sb.Append("\\N"); break;
                case '\u2028': sb.Append("\\L"); break;
                case '\u2029': sb.Append("\\P"); break;
                default:
                    if (char.IsSurrogate(c))
                    {
                        sb.Append("\\uFFFD");
                    }
                    else if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
                    {
                        sb.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                    }
                    else if (c is '\uFEFF' or '\uFFFE' or '\uFFFF' || (c >= '\uFDD0' && c <= '\uFDEF'))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        sb.Append('"');
    }
}
