using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PaperArchive.Common;

/// <summary>URL- and file-safe slugs: ASCII letters, digits and single hyphens, never empty, never a path.</summary>
public static class Slug
{
    public const int MaxLength = 80;

    /// <summary>
    /// "Jürgen Schmidhuber" → "jurgen-schmidhuber". Text with no ASCII letters or digits (e.g. CJK names)
    /// becomes "x-" + 8 hex chars of its SHA-256, so it is still stable and distinct.
    /// </summary>
    public static string From(string text)
    {
        var decomposed = UnicodeText.SafeNormalize(text ?? "", NormalizationForm.FormKD);
        var sb = new StringBuilder(Math.Min(decomposed.Length, MaxLength));
        var pendingHyphen = false;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (ch is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                AppendChar(ch);
            }
            else if (ch is >= 'A' and <= 'Z')
            {
                AppendChar(char.ToLowerInvariant(ch));
            }
            else
            {
                pendingHyphen = true;
            }
            if (sb.Length >= MaxLength)
            {
                break;
            }
        }
        if (sb.Length == 0)
        {
            return "x-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(UnicodeText.ReplaceLoneSurrogates(text ?? ""))).AsSpan(0, 4));
        }
        return sb.ToString();

        void AppendChar(char c)
        {
            if (pendingHyphen && sb.Length > 0)
            {
                sb.Append('-');
            }
            pendingHyphen = false;
            sb.Append(c);
        }
    }

    /// <summary>A paper id as a file name: arXiv ids are already safe; old-style "hep-th/9901001" becomes "hep-th_9901001".</summary>
    public static string ForPaperId(string id)
    {
        var sb = new StringBuilder(id.Length);
        foreach (var ch in id)
        {
            sb.Append(ch is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '-' ? ch : '_');
        }
        var s = sb.ToString().Trim('.');
        return s.Length == 0 || s.Length > 100 ? From(id) : s;
    }
}
