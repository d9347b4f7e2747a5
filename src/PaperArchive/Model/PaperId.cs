using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace PaperArchive.Model;

/// <summary>Ids and title normalisation shared by every stage.</summary>
public static partial class PaperId
{
    /// <summary>Prefix of ids derived from titles; arXiv ids never start with a letter followed by '-'.</summary>
    public const string TitlePrefix = "t-";

    /// <summary>
    /// Lower-case, accents stripped, every run of non-letters/digits one space, trimmed. Two titles
    /// that differ only by case, punctuation, wrapping or accents normalise to the same string.
    /// </summary>
    public static string NormalizeTitle(string title)
    {
        var decomposed = PaperArchive.Common.UnicodeText.SafeNormalize(title, NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var ch in decomposed)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (cat == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsLetterOrDigit(ch))
            {
                if (pendingSpace && sb.Length > 0)
                {
                    sb.Append(' ');
                }
                pendingSpace = false;
                sb.Append(char.ToLowerInvariant(ch));
            }
            else
            {
                pendingSpace = true;
            }
        }
        return sb.ToString();
    }

    /// <summary>Stable id for a paper without an arXiv id: <c>t-</c> + 12 hex chars of SHA-256 of the normalised title.</summary>
    public static string FromTitle(string title)
    {
        var normalized = NormalizeTitle(title);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(normalized));
        return TitlePrefix + Convert.ToHexStringLower(hash.AsSpan(0, 6));
    }

    /// <summary>True for new-style (2301.01234, 2301.01234v2) and old-style (hep-th/9901001) arXiv ids.</summary>
    public static bool IsArxivId(string? id) => id is not null && ArxivPattern().IsMatch(id);

    [GeneratedRegex(@"^(\d{4}\.\d{4,5}(v\d+)?|[a-z\-]+(\.[A-Z]{2})?/\d{7}(v\d+)?)$")]
    private static partial Regex ArxivPattern();
}
