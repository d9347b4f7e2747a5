using System.Globalization;
using System.Text;
using PaperArchive.Rendering.Model;

namespace PaperArchive.Rendering.Feeds;

/// <summary>Shared bits of the three feed formats: absolute URLs, dates, and the plain-text summary of a paper.</summary>
internal static class FeedText
{
    public static string Absolute(string baseUrl, string sitePath) => SiteUrls.Absolute(baseUrl, sitePath);

    public static DateOnly ItemDate(PaperModel p, DateOnly fallback) =>
        (p.FirstListed?.Iso ?? p.Published?.Iso) is { } iso ? Iso(iso) : fallback;

    // Every feed item of tens of thousands of feeds: digits read directly (DateOnly.ParseExact was a tenth of writing them).
    private static DateOnly Iso(string iso) =>
        iso.Length == 10 && iso[4] == '-' && iso[7] == '-'
        && int.TryParse(iso.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
        && int.TryParse(iso.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
        && int.TryParse(iso.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var d)
        && y >= 1 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset Midnight(DateOnly d) => new(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static string Summary(PaperModel p)
    {
        var sb = new StringBuilder();
        if (p.Authors.Length > 0)
        {
            sb.Append(string.Join(", ", p.Authors.Take(10).Select(a => a.Name)));
            if (p.Authors.Length > 10)
            {
                sb.Append(CultureInfo.InvariantCulture, $" and {p.Authors.Length - 10} more");
            }
            sb.Append(". ");
        }
        if (p.Upvotes is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{p.Upvotes} upvotes. ");
        }
        sb.Append(p.AiSummary ?? p.Abstract ?? "");
        return StripControl(sb.ToString().Trim());
    }

    /// <summary>XML 1.0 forbids most control characters even escaped; scrapes sometimes carry them.</summary>
    public static string StripControl(string s)
    {
        if (!s.Any(c => c < 0x20 && c is not '\n' and not '\r' and not '\t' || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF'))
        {
            return s;
        }
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                sb.Append(c).Append(s[++i]);
            }
            else if (!(c < 0x20 && c is not '\n' and not '\r' and not '\t') && !char.IsSurrogate(c) && c is not '\uFFFE' and not '\uFFFF')
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
