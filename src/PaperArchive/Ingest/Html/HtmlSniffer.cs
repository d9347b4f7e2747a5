using System.Text.RegularExpressions;
using PaperArchive.Model;

namespace PaperArchive.Ingest.Html;

/// <summary>What the first few KB of a saved Hugging Face page say about which page it is.</summary>
internal static partial class HtmlSniffer
{
    /// <summary>HTML by content: starts with a tag and has a doctype or an html/head/body element.</summary>
    public static bool IsHtml(ReadOnlySpan<char> head)
    {
        var t = head.TrimStart("\uFEFF \t\r\n");
        if (t.IsEmpty || t[0] != '<')
        {
            return false;
        }
        return t.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || t.IndexOf("<html", StringComparison.OrdinalIgnoreCase) >= 0
            || t.IndexOf("<head", StringComparison.OrdinalIgnoreCase) >= 0
            || t.IndexOf("<body", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    /// <summary>The page's own URL (og:url or canonical link), if the head carries one.</summary>
    public static string? PageUrl(string head)
    {
        foreach (Match tag in MetaOrLink().Matches(head))
        {
            var t = tag.Value;
            if (t.Contains("og:url", StringComparison.OrdinalIgnoreCase) || t.Contains("\"canonical\"", StringComparison.OrdinalIgnoreCase))
            {
                var v = Attr().Match(t);
                if (v.Success)
                {
                    return v.Groups["v"].Value;
                }
            }
        }
        return null;
    }

    /// <summary>The arXiv id in a <c>huggingface.co/papers/&lt;id&gt;</c> URL.</summary>
    public static string? PaperIdInUrl(string? url)
    {
        if (url is null)
        {
            return null;
        }
        var m = PaperUrl().Match(url);
        return m.Success && PaperId.IsArxivId(m.Groups["id"].Value) ? m.Groups["id"].Value : null;
    }

    [GeneratedRegex(@"<(meta|link)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex MetaOrLink();

    [GeneratedRegex(@"(?:content|href)\s*=\s*[""'](?<v>[^""']*)[""']", RegexOptions.IgnoreCase)]
    private static partial Regex Attr();

    [GeneratedRegex(@"huggingface\.co/papers/(?<id>[A-Za-z0-9.\-]+(?:/\d{7})?(?:v\d+)?)(?:[?#/]|$)")]
    private static partial Regex PaperUrl();
}
