using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PaperArchive.Common;

namespace PaperArchive.Ingest.Json;

/// <summary>
/// Raw responses of the daily-papers API (<c>GET /api/daily_papers?date=…</c>) in all three schema
/// eras: a JSON array of items; an array of Python-<c>repr</c> strings of items; the
/// <c>{"status","date","count","data":[…]}</c> wrapper (of either); a single item; and the
/// <c>{date, dailyPapers:[…]}</c> object the <c>/papers</c> page hydrates from — all daily listings —
/// and a bare paper object (<c>/api/papers/&lt;id&gt;</c>), which is read as a single paper, not a
/// day's list. Items are mapped by <see cref="ApiJsonItemMapper"/>.
/// <para>Listing day of the file: the wrapper's <c>date</c>, else a <c>YYYY-MM-DD</c> in the file
/// name, else the most common item day (ties: earliest). The API was asked for exactly that day,
/// which is why the file's date beats the old top-level <c>publishedAt</c> (which drifts a day early
/// for some items of late 2024).</para>
/// </summary>
public sealed partial class ApiJsonFormat : IListingFormat
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = 256,
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public SourceKind Kind => SourceKind.ApiJson;

    public int Sniff(ReadOnlySpan<char> head, string fileName)
    {
        var trimmed = head.TrimStart("\uFEFF \t\r\n");
        if (trimmed.IsEmpty || trimmed[0] is not ('[' or '{'))
        {
            return 0;
        }
        if (trimmed.Contains("\"paper\"", StringComparison.Ordinal)
            || trimmed.Contains("'paper'", StringComparison.Ordinal)
            || trimmed.Contains("\"dailyPapers\"", StringComparison.Ordinal))
        {
            return 90;
        }
        // A .json file that does not look like ours still gets the JSON reader, so a truncated or
        // broken download is reported with the parser's own message instead of "unknown format".
        return fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? 30 : 5;
    }

    public ListingReadResult Read(string text, string file)
    {
        text ??= "";
        var diagnostics = new List<Diagnostic>();
        using var doc = TryParseRoot(text, out var parseError);
        if (doc is null)
        {
            return ListingReadResult.Unreadable(file, parseError);
        }
        var root = doc.RootElement;

        DateOnly? wrapperDate = null;
        JsonElement? items = null;
        switch (root.ValueKind)
        {
            case JsonValueKind.Array:
                items = root;
                break;
            case JsonValueKind.Object when ApiJsonItemMapper.LooksLikeItem(root):
                break;
            case JsonValueKind.Object:
                items = ApiJsonItemMapper.Get(root, "data") ?? ApiJsonItemMapper.Get(root, "dailyPapers");
                if (items is not { ValueKind: JsonValueKind.Array })
                {
                    var status = ApiJsonItemMapper.String(ApiJsonItemMapper.Get(root, "status"));
                    var why = status is not null && !status.Equals("success", StringComparison.OrdinalIgnoreCase)
                        ? $"the saved API response has status '{status}' and no data"
                        : "valid JSON, but not a daily-papers listing (expected an array of items, a {\"data\":[…]} wrapper or one item)";
                    return ListingReadResult.Unreadable(file, why);
                }
                if (ApiJsonItemMapper.Get(root, "date") is { } dateNode)
                {
                    wrapperDate = ApiJsonItemMapper.Date(dateNode);
                    if (wrapperDate is null)
                    {
                        diagnostics.Add(Diagnostic.Warning(file, "date", $"wrapper date {Short(dateNode)} is not a date; ignored"));
                    }
                }
                break;
            case JsonValueKind.Null:
                return ListingReadResult.Unreadable(file, "the file holds JSON null, not a listing");
            default:
                return ListingReadResult.Unreadable(file, "valid JSON, but not a daily-papers listing (expected an array or an object)");
        }

        var fileDay = wrapperDate ?? DateFromFileName(file);
        var mapper = new ApiJsonItemMapper(file, fileDay, diagnostics);
        var observations = new List<Observation>();
        if (items is not { } array)
        {
            mapper.MapItem(root, "item 1", observations);
        }
        else
        {
            var i = 0;
            foreach (var item in array.EnumerateArray())
            {
                i++;
                mapper.MapItem(item, "item " + i.ToString(CultureInfo.InvariantCulture), observations);
            }
            if (i == 0)
            {
                diagnostics.Add(new Diagnostic(Severity.Info, file, null, "the listing has no papers"));
            }
        }

        if (items is null && ApiJsonItemMapper.Get(root, "paper") is null)
        {
            // A bare paper object (GET /api/papers/<id>) is one paper's page, not a day's list: its
            // own submittedOnDailyAt still files it under that day, but it does not define the day.
            return new ListingReadResult(file, SourceKind.ApiJson, null, false, observations, diagnostics);
        }
        var listingDate = fileDay ?? MostCommonDay(observations);
        return new ListingReadResult(file, SourceKind.ApiJson, listingDate, true, observations, diagnostics);
    }

    private static JsonDocument? TryParseRoot(string text, out string error)
    {
        error = "";
        try
        {
            return JsonDocument.Parse(JsonEscapes.ReplaceLoneSurrogateEscapes(text), DocumentOptions);
        }
        catch (JsonException ex)
        {
            // Some scrapers print() the Python list itself instead of json.dump-ing it.
            var head = text.AsSpan().TrimStart("\uFEFF \t\r\n");
            if (head.Length > 0 && head[0] is '[' or '{' && text.Contains("'paper'", StringComparison.Ordinal)
                && PythonLiteralParser.TryParse(text.TrimStart('\uFEFF'), out var literal, out _) && literal is not null)
            {
                return PythonLiteralJson.ToDocument(literal);
            }
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            error = string.Create(CultureInfo.InvariantCulture, $"not valid JSON (line {line}, byte {column}): {ex.Message}");
            return null;
        }
    }

    /// <summary>First valid <c>YYYY-MM-DD</c> in the file's name (not its folders).</summary>
    internal static DateOnly? DateFromFileName(string file)
    {
        var name = Path.GetFileName(file);
        foreach (Match m in FileDatePattern().Matches(name))
        {
            if (DateOnly.TryParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return d;
            }
        }
        return null;
    }

    private static DateOnly? MostCommonDay(List<Observation> observations) =>
        observations
            .SelectMany(o => o.Paper.ListedOn)
            .GroupBy(d => d)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key)
            .Select(g => (DateOnly?)g.Key)
            .FirstOrDefault();

    private static string Short(JsonElement node)
    {
        var s = node.GetRawText();
        return s.Length <= 40 ? s : s[..40] + "…";
    }

    [GeneratedRegex(@"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)")]
    private static partial Regex FileDatePattern();
}
