using System.Text;

namespace PaperArchive.Ingest.Json;

/// <summary>
/// System.Text.Json parses <c>"\ud800"</c> (a lone surrogate escape) but throws InvalidOperationException
/// when the string or property name is read — which took a whole listing down (found by the property
/// tests; a truncated emoji in a scraped title is enough). Lone surrogate escapes become <c>\ufffd</c>
/// before parsing, which is what the archive would make of them anyway (<c>ArchiveText.Sanitize</c>).
/// </summary>
internal static class JsonEscapes
{
    public static string ReplaceLoneSurrogateEscapes(string json)
    {
        if (!json.Contains("\\u", StringComparison.Ordinal))
        {
            return json;
        }
        StringBuilder? sb = null;
        var copied = 0;
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (c == '"')
            {
                inString = !inString;
                continue;
            }
            if (!inString || c != '\\' || i + 1 >= json.Length)
            {
                continue;
            }
            if (json[i + 1] != 'u')
            {
                i++; // \" \\ \n …: skip the escaped character
                continue;
            }
            var unit = Hex4(json, i + 2);
            if (unit is null || !char.IsSurrogate((char)unit.Value))
            {
                continue;
            }
            var paired = char.IsHighSurrogate((char)unit.Value)
                && i + 11 < json.Length && json[i + 6] == '\\' && json[i + 7] == 'u'
                && Hex4(json, i + 8) is { } low && char.IsLowSurrogate((char)low);
            if (paired)
            {
                i += 11;
                continue;
            }
            sb ??= new StringBuilder(json.Length);
            sb.Append(json, copied, i - copied).Append("\\ufffd");
            copied = i + 6;
            i += 5;
        }
        return sb is null ? json : sb.Append(json, copied, json.Length - copied).ToString();
    }

    private static int? Hex4(string s, int at)
    {
        if (at + 4 > s.Length)
        {
            return null;
        }
        var value = 0;
        for (var k = at; k < at + 4; k++)
        {
            var d = s[k] switch
            {
                >= '0' and <= '9' => s[k] - '0',
                >= 'a' and <= 'f' => s[k] - 'a' + 10,
                >= 'A' and <= 'F' => s[k] - 'A' + 10,
                _ => -1,
            };
            if (d < 0)
            {
                return null;
            }
            value = value * 16 + d;
        }
        return value;
    }
}
