using System.Text;

namespace PaperArchive.Serve;

/// <summary>
/// A request target checked before it touches the disk. Only <see cref="Kind"/> <c>Site</c> carries
/// <see cref="Segments"/>: decoded, non-empty, never ".", "..", a backslash, a control character or a
/// percent sign (so double encoding cannot sneak a dot segment past the check).
/// </summary>
public sealed record RequestPath(RequestPathKind Kind, IReadOnlyList<string> Segments, bool TrailingSlash)
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>
    /// Parses the raw request target (as sent, before any client or server normalisation) against the
    /// site's <paramref name="basePath"/> ("/" or "/repo/").
    /// </summary>
    public static RequestPath Parse(string rawTarget, string basePath)
    {
        var target = rawTarget;
        var cut = target.IndexOfAny(['?', '#']);
        if (cut >= 0)
        {
            target = target[..cut];
        }
        // Origin-form only: "http://host/x" and "*" are not for a file server; a backslash is never a separator here.
        if (target.Length == 0 || target[0] != '/' || target.Contains('\\'))
        {
            return Bad;
        }
        if (!TryDecode(target, out var path))
        {
            return Bad;
        }
        foreach (var c in path)
        {
            if (char.IsControl(c) || c == '\\' || c == '%')
            {
                return Bad;
            }
        }
        var segments = path.Split('/');
        // Empty segments ("//") are dropped; dot segments are refused rather than resolved.
        if (segments.Any(s => s is "." or ".."))
        {
            return Bad;
        }
        if (path == basePath.TrimEnd('/'))
        {
            return new RequestPath(RequestPathKind.RedirectToBase, [], true);
        }
        if (!path.StartsWith(basePath, StringComparison.Ordinal))
        {
            return new RequestPath(path == "/" ? RequestPathKind.RedirectToBase : RequestPathKind.OutsideBase, [], false);
        }
        var rest = path[basePath.Length..];
        var parts = rest.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return new RequestPath(RequestPathKind.Site, parts, rest.Length == 0 || rest.EndsWith('/'));
    }

    private static RequestPath Bad { get; } = new(RequestPathKind.BadRequest, [], false);

    /// <summary>Strict percent-decoding: a malformed escape or invalid UTF-8 fails.</summary>
    private static bool TryDecode(string s, out string decoded)
    {
        decoded = "";
        var bytes = new List<byte>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '%')
            {
                if (i + 2 >= s.Length || !Uri.IsHexDigit(s[i + 1]) || !Uri.IsHexDigit(s[i + 2]))
                {
                    return false;
                }
                bytes.Add((byte)((Uri.FromHex(s[i + 1]) << 4) | Uri.FromHex(s[i + 2])));
                i += 2;
            }
            else if (c > 0x7F)
            {
                // Request lines are ASCII; raw non-ASCII is re-encoded so it decodes the same either way.
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
            else
            {
                bytes.Add((byte)c);
            }
        }
        try
        {
            decoded = StrictUtf8.GetString(bytes.ToArray());
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
