namespace PaperArchive.Rendering;

/// <summary>Links from scraped data are kept only when they are absolute http(s) URLs (no <c>javascript:</c>, <c>data:</c> or relative tricks).</summary>
public static class ExternalUrl
{
    public static string? Safe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }
        var trimmed = url.Trim();
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && !string.IsNullOrEmpty(uri.Host)
            ? trimmed
            : null;
    }

    /// <summary>GitHub repo as given ("https://github.com/o/r" or "o/r") → safe absolute URL.</summary>
    public static string? GitHub(string? repo)
    {
        if (string.IsNullOrWhiteSpace(repo))
        {
            return null;
        }
        var r = repo.Trim();
        if (!r.Contains("://", StringComparison.Ordinal) && System.Text.RegularExpressions.Regex.IsMatch(r, @"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$"))
        {
            r = "https://github.com/" + r;
        }
        return Safe(r);
    }

    /// <summary>A Hugging Face user or organisation handle as a profile URL; null when the handle has unsafe characters.</summary>
    public static string? HuggingFace(string? handle) =>
        handle is not null && System.Text.RegularExpressions.Regex.IsMatch(handle, @"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
            ? "https://huggingface.co/" + handle
            : null;
}
