using System.Text;

namespace PaperArchive.Rendering;

/// <summary>
/// Scraped text can hold lone UTF-16 surrogates (a JSON "\ud800" escape); .NET's Unicode
/// normalisation (used by <see cref="Common.Slug"/> and title normalisation) throws on them, so the
/// renderer replaces them with U+FFFD before deriving slugs or keys.
/// </summary>
public static class ScrapedText
{
    public static string ReplaceLoneSurrogates(string s)
    {
        var ok = true;
        for (var i = 0; i < s.Length && ok; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                ok = false;
            }
        }
        if (ok)
        {
            return s;
        }
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                sb.Append(s[i]).Append(s[++i]);
            }
            else
            {
                sb.Append(char.IsSurrogate(s[i]) ? '\uFFFD' : s[i]);
            }
        }
        return sb.ToString();
    }
}
