using System.Text;

namespace PaperArchive.Common;

/// <summary>Unicode helpers that never throw on scraped text (which may hold lone surrogates or non-characters).</summary>
public static class UnicodeText
{
    /// <summary>Every lone UTF-16 surrogate becomes U+FFFD (UTF-8 cannot encode it); valid pairs are kept.</summary>
    public static string ReplaceLoneSurrogates(string value)
    {
        var firstBad = -1;
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                firstBad = i;
                break;
            }
        }
        if (firstBad < 0)
        {
            return value;
        }
        var sb = new StringBuilder(value.Length);
        sb.Append(value, 0, firstBad);
        for (var i = firstBad; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                sb.Append(c).Append(value[i + 1]);
                i++;
            }
            else
            {
                sb.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// One line of text: lone surrogates repaired, every run of whitespace and control characters
    /// (line breaks, tabs, NUL) turned into one space, none at either end. For formats where a value
    /// must stay on one line (RIS tags, BibTeX fields).
    /// </summary>
    public static string SingleLine(string value)
    {
        var sb = new System.Text.StringBuilder(value.Length);
        var space = false;
        foreach (var ch in ReplaceLoneSurrogates(value))
        {
            if (char.IsWhiteSpace(ch) || char.IsControl(ch))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
            sb.Append(ch);
        }
        return sb.ToString();
    }

    /// <summary>
    /// <see cref="string.Normalize(NormalizationForm)"/> that never throws: text it rejects (lone
    /// surrogates, some non-characters) is normalised after repair, or returned as repaired.
    /// </summary>
    public static string SafeNormalize(string value, NormalizationForm form)
    {
        var repaired = ReplaceLoneSurrogates(value);
        try
        {
            return repaired.Normalize(form);
        }
        catch (ArgumentException)
        {
            return repaired;
        }
    }
}
