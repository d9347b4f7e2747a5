using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using PaperArchive.Ingest.Json;
using PaperArchive.Ingest.Text;

namespace PaperArchive.Ingest.Html;

/// <summary>Helpers shared by the two saved-page readers: parsing, hydration JSON, dates, DOM text.</summary>
internal static partial class SavedPage
{
    // Duplicate keys are refused while parsing (a JsonException, reported as broken hydration data):
    // JsonObject otherwise throws ArgumentException later, on first access (found by fuzzing).
    private static readonly JsonDocumentOptions JsonOptions = new() { AllowTrailingCommas = true, MaxDepth = 256, AllowDuplicateProperties = false };

    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };

    public static IHtmlDocument Parse(string text) => new HtmlParser().ParseDocument(text);

    /// <summary>
    /// The <c>data-props</c> JSON of the Svelte component <paramref name="target"/>. Null when the page has
    /// no such component; null with <paramref name="problem"/> when its JSON is broken.
    /// </summary>
    public static JsonNode? Hydration(IDocument doc, string target, out string? problem)
    {
        problem = null;
        var div = doc.QuerySelectorAll("[data-target][data-props]")
            .FirstOrDefault(e => e.GetAttribute("data-target") == target);
        if (div is null)
        {
            return null;
        }
        try
        {
            var node = JsonNode.Parse(JsonEscapes.ReplaceLoneSurrogateEscapes(div.GetAttribute("data-props") ?? ""), NodeOptions, JsonOptions);
            if (node is null)
            {
                problem = $"the {target} hydration data is empty";
            }
            return node;
        }
        catch (JsonException ex)
        {
            problem = $"the {target} hydration data is not valid JSON ({ex.Message})";
            return null;
        }
    }

    /// <summary>
    /// The newest timestamp anywhere in the JSON (comments, author claims, …). A page is saved no earlier
    /// than the newest thing it shows, so this dates the counts better than the listing day does.
    /// </summary>
    public static DateOnly? LatestTimestamp(JsonNode? root)
    {
        DateOnly? latest = null;
        var stack = new Stack<JsonNode?>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case JsonObject obj:
                    foreach (var p in obj)
                    {
                        stack.Push(p.Value);
                    }
                    break;
                case JsonArray array:
                    foreach (var v in array)
                    {
                        stack.Push(v);
                    }
                    break;
                case JsonValue value when ApiJsonItemMapper.String(value) is { Length: >= 20 and <= 40 } s && Timestamp().IsMatch(s):
                    if (ApiJsonItemMapper.Date(value) is DateOnly d && (latest is null || d > latest))
                    {
                        latest = d;
                    }
                    break;
            }
        }
        return latest;
    }

    /// <summary>The UTC day of an ISO timestamp or date string.</summary>
    public static DateOnly? Date(string? text) => text is null ? null : ApiJsonItemMapper.Date(JsonValue.Create(text));

    public static DateOnly? Max(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    /// <summary>
    /// Visible text of a node: text nodes in order, a space at block boundaries, whitespace collapsed, and
    /// the spaces a pretty-printer puts before punctuation after an inline element ("agents</a>\n . However")
    /// removed. (<c>TextContent</c> would glue "Zijian Wu" and the next author together.)
    /// </summary>
    public static string Text(INode node)
    {
        var sb = new StringBuilder();
        Walk(node, sb);
        var text = PaperTextCleaner.CollapseWhitespace(sb.ToString());
        text = SpaceBeforePunctuation().Replace(text, "$1");
        return SpaceAfterOpening().Replace(text, "$1");
    }

    private static void Walk(INode node, StringBuilder sb)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child.NodeType == NodeType.Text)
            {
                sb.Append(child.TextContent);
            }
            else if (child is IElement element)
            {
                var name = element.LocalName;
                if (name is "script" or "style" or "svg" or "template" or "noscript")
                {
                    continue;
                }
                var block = name is "div" or "p" or "li" or "ul" or "ol" or "br" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "section" or "article" or "tr" or "td" or "th" or "table";
                if (block)
                {
                    sb.Append(' ');
                }
                Walk(element, sb);
                if (block)
                {
                    sb.Append(' ');
                }
            }
        }
    }

    /// <summary>The first <c>yyyy-MM-dd</c> in a query/path such as <c>/papers?date=2024-07-31</c> or <c>/papers/date/2024-07-31</c>.</summary>
    public static DateOnly? DateInUrl(string? url)
    {
        if (url is null)
        {
            return null;
        }
        var m = UrlDate().Match(url);
        return m.Success ? Date(m.Groups["d"].Value) : null;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@" ([.,;:!?)\]])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"([(\[]) ")]
    private static partial Regex SpaceAfterOpening();

    [GeneratedRegex(@"(?:date=|/date/)(?<d>\d{4}-\d{2}-\d{2})")]
    private static partial Regex UrlDate();
}
