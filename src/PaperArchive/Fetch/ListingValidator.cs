using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PaperArchive.Common;
using PaperArchive.Ingest;

namespace PaperArchive.Fetch;

/// <summary>
/// Decides whether a response body is a daily listing worth saving, before anything touches disk:
/// a JSON array (or the <c>{"status","data":[…]}</c> wrapper) whose items carry <c>paper.id</c>.
/// Items may also be Python <c>repr()</c> strings of such objects, as some real scrapes are.
/// With a file name, a listing that passes is also read by the importer
/// (<see cref="ListingReader.ReadText"/>), so nothing is saved that <c>import</c> would then refuse.
/// </summary>
public static partial class ListingValidator
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="fileName">The name the listing would be saved under (e.g. <c>2026-07-01.json</c>); null skips the importer check.</param>
    public static ListingCheck Check(ReadOnlySpan<byte> body, string? fileName = null)
    {
        var check = CheckShape(body, out var text);
        if (!check.IsValid || check.IsEmpty || fileName is null)
        {
            return check;
        }
        var read = ListingReader.ReadText(text!, fileName);
        // The importer skips single bad items with a warning (the rest of the day is still worth
        // keeping); a response in which no item at all becomes a paper is refused.
        if (read.Failed || read.Kind != SourceKind.ApiJson || read.Observations.Count == 0)
        {
            var first = read.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error) ?? read.Diagnostics.FirstOrDefault();
            var why = first is null
                ? $"read as {read.Kind?.ToString() ?? "nothing"}"
                : (first.Location is null ? first.Message : $"{first.Location}: {first.Message}");
            return ListingCheck.Invalid("not-a-listing", $"the importer finds no usable paper in the response ({why})");
        }
        return check;
    }

    private static ListingCheck CheckShape(ReadOnlySpan<byte> body, out string? text)
    {
        text = null;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return ListingCheck.Invalid("not-text", "response is not UTF-8 text");
        }
        var trimmed = text.AsSpan().TrimStart("\uFEFF \t\r\n");
        if (trimmed.IsEmpty)
        {
            return ListingCheck.Invalid("blank", "response body is empty (not even [])");
        }
        if (trimmed[0] == '<')
        {
            return ListingCheck.Invalid("html-page", $"response is an HTML page, not JSON{TitleOf(text)}");
        }

        JsonDocument doc;
        try
        {
            // Lone surrogate escapes would throw later, when a string is read (same length, so positions hold).
            var repaired = Ingest.Json.JsonEscapes.ReplaceLoneSurrogateEscapes(text);
            doc = ReferenceEquals(repaired, text)
                ? JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = 256 })
                : JsonDocument.Parse(repaired.TrimStart('\uFEFF'), new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            var where = ex.BytePositionInLine is long col ? $" at line {(ex.LineNumber ?? 0) + 1}, byte {col + 1}" : "";
            var truncated = ex.Message.Contains("end of", StringComparison.OrdinalIgnoreCase) ? " (truncated?)" : "";
            return ListingCheck.Invalid("invalid-json", $"response is not valid JSON{truncated}{where} of {body.Length} bytes");
        }
        using (doc)
        {
            var root = doc.RootElement;
            JsonElement items;
            if (root.ValueKind == JsonValueKind.Array)
            {
                items = root;
            }
            else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
            {
                items = data;
            }
            else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
            {
                return ListingCheck.Invalid("api-error", $"API answered with an error: {Shorten(error.ToString())}");
            }
            else
            {
                return ListingCheck.Invalid("not-a-listing", $"JSON {root.ValueKind.ToString().ToLowerInvariant()} is not a listing (expected an array of papers)");
            }

            var ids = new List<string>();
            long total = 0;
            var index = 0;
            foreach (var item in items.EnumerateArray())
            {
                index++;
                string? id;
                long counts;
                if (item.ValueKind == JsonValueKind.Object)
                {
                    id = item.TryGetProperty("paper", out var paper) && paper.ValueKind == JsonValueKind.Object
                        && paper.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String
                        ? idElement.GetString()
                        : null;
                    counts = Number(paper, "upvotes") + Number(item, "numComments");
                }
                else if (item.ValueKind == JsonValueKind.String)
                {
                    // A Python repr() of an item: the first 'id' belongs to the paper ("{'paper': {'id': …").
                    var repr = item.GetString() ?? "";
                    var match = ReprId().Match(repr);
                    id = match.Success ? match.Groups[1].Value : null;
                    counts = ReprNumber(repr, ReprUpvotes()) + ReprNumber(repr, ReprComments());
                }
                else
                {
                    id = null;
                    counts = 0;
                }
                if (string.IsNullOrWhiteSpace(id))
                {
                    return ListingCheck.Invalid("not-a-listing", $"item {index} has no paper.id");
                }
                ids.Add(id);
                total += counts;
            }
            return new ListingCheck(true, "ok", null, ids, total);
        }
    }

    private static long Number(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) && n > 0
            ? n
            : 0;

    private static long ReprNumber(string repr, Regex regex)
    {
        var match = regex.Match(repr);
        return match.Success && long.TryParse(match.Groups[1].ValueSpan, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
    }

    private static string TitleOf(string html)
    {
        var match = HtmlTitle().Match(html);
        return match.Success ? $" (title: \"{Shorten(WebSpace().Replace(match.Groups[1].Value, " ").Trim())}\")" : "";
    }

    private static string Shorten(string s) => s.Length <= 120 ? s : s[..117] + "...";

    [GeneratedRegex(@"'id':\s*'([^']+)'")]
    private static partial Regex ReprId();

    [GeneratedRegex(@"'upvotes':\s*(\d+)")]
    private static partial Regex ReprUpvotes();

    [GeneratedRegex(@"'numComments':\s*(\d+)")]
    private static partial Regex ReprComments();

    [GeneratedRegex(@"<title[^>]*>([^<]*)</title>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlTitle();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WebSpace();
}
