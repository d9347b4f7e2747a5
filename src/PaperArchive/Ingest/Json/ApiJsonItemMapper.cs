using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Ingest.Json;

/// <summary>
/// Maps one API item (a JSON object, or a string holding a Python <c>repr</c> of one) onto a
/// <see cref="Paper"/>. Items missing an id or a title, or whose core fields have the wrong type,
/// are skipped with a warning; an optional field of the wrong type is dropped with a warning and
/// the rest of the item kept.
/// <para>Decisions: hidden authors stay in the author list (hiding only removes the entry from the
/// HF page; they are still authors of the paper, and keeping them keeps the count right). Only
/// http(s) links are kept. The organisation comes from <c>paper.organization</c>, else the top-level
/// <c>organization</c>, else the 2025-09 name of the same field, <c>submitterOrganization</c>.</para>
/// </summary>
internal sealed class ApiJsonItemMapper(string file, DateOnly? fileDay, List<Diagnostic> diagnostics)
{
    /// <summary>An item has a <c>paper</c> object, or is itself a paper (<c>id</c> + <c>title</c>, as <c>/api/papers/&lt;id&gt;</c> gives).</summary>
    public static bool LooksLikeItem(JsonObject obj) =>
        obj["paper"] is JsonObject || (obj.ContainsKey("id") && obj.ContainsKey("title") && !obj.ContainsKey("data"));

    public void MapItem(JsonNode? node, string item, List<Observation> into)
    {
        try
        {
            var paper = Map(node, item);
            if (paper is not null)
            {
                into.Add(new Observation(paper, SourceKind.ApiJson, file, item));
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or JsonException)
        {
            // JsonObject throws on duplicate keys when first enumerated; one odd item must not sink the file.
            Skip(item, "unreadable item: " + ex.Message);
        }
    }

    private Paper? Map(JsonNode? node, string item)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            var text = value.GetValue<string>();
            if (!PythonLiteralParser.TryParse(text, out node, out var error))
            {
                Skip(item, "the string is not a readable Python literal: " + error);
                return null;
            }
        }
        if (node is not JsonObject top)
        {
            Skip(item, "not an object but " + Kind(node));
            return null;
        }
        JsonObject paper;
        if (top["paper"] is JsonObject inner)
        {
            paper = inner;
        }
        else if (top.ContainsKey("paper"))
        {
            Skip(item, "'paper' is " + Kind(top["paper"]) + ", not an object");
            return null;
        }
        else
        {
            paper = top;
        }

        var dropped = new List<string>();

        var rawId = Core(paper, "id", "paper.id", item);
        if (rawId is null)
        {
            return null;
        }
        var title = Clean(String(top["title"])) is { Length: > 0 } t ? t : Clean(String(paper["title"]));
        if (string.IsNullOrEmpty(title))
        {
            Skip(item, top.ContainsKey("title") || paper.ContainsKey("title") ? "title is empty or not a string" : "no title");
            return null;
        }
        var id = StripVersion(rawId.Trim());
        string? arxivId = id;
        if (!PaperId.IsArxivId(id))
        {
            diagnostics.Add(Diagnostic.Warning(file, item, $"id '{Truncate(rawId)}' is not an arXiv id; the paper is filed under its title"));
            arxivId = null;
            id = PaperId.FromTitle(title);
        }

        if (paper["authors"] is { } authorsNode && authorsNode is not JsonArray)
        {
            Skip(item, "paper.authors is " + Kind(authorsNode) + ", not a list");
            return null;
        }
        var authors = new List<Author>();
        var authorCount = 0;
        if (paper["authors"] is JsonArray authorArray)
        {
            foreach (var a in authorArray)
            {
                authorCount++;
                if (a is JsonObject ao && Clean(String(ao["name"])) is { Length: > 0 } name)
                {
                    var user = ao["user"] as JsonObject;
                    var handle = Clean(String(user?["user"])) ?? Clean(String(user?["name"]));
                    authors.Add(new Author(name, string.IsNullOrEmpty(handle) ? null : handle));
                }
            }
            if (authors.Count < authorCount)
            {
                dropped.Add($"{authorCount - authors.Count} author(s) without a name (still counted)");
            }
        }

        var publishedOn = OptionalDate(paper, "publishedAt", "paper.publishedAt", dropped);
        var dailyAt = OptionalDate(paper, "submittedOnDailyAt", "paper.submittedOnDailyAt", dropped);
        var topPublished = OptionalDate(top, "publishedAt", "publishedAt", dropped);
        // submittedOnDailyAt is the listing day itself; the API's date (file/wrapper) next; the old
        // top-level publishedAt (which meant "put on the list" until 2025) only when neither exists.
        var listingDay = dailyAt ?? fileDay ?? (ReferenceEquals(top, paper) ? null : topPublished);

        var upvotes = OptionalInt(paper, "upvotes", "paper.upvotes", dropped) ?? OptionalInt(top, "upvotes", "upvotes", dropped);
        var comments = OptionalInt(top, "numComments", "numComments", dropped) ?? OptionalInt(paper, "numComments", "paper.numComments", dropped);

        var submitter = paper["submittedOnDailyBy"] as JsonObject;
        var topSubmitter = top["submittedBy"] as JsonObject;
        var submittedBy = NonEmpty(Clean(String(submitter?["user"])))
            ?? NonEmpty(Clean(String(submitter?["name"])))
            ?? NonEmpty(Clean(String(topSubmitter?["name"])))
            ?? NonEmpty(Clean(String(topSubmitter?["user"])));

        var org = paper["organization"] as JsonObject
            ?? top["organization"] as JsonObject
            ?? top["submitterOrganization"] as JsonObject;

        var abstractText = CleanAbstract(String(paper["summary"])) ?? CleanAbstract(String(top["summary"]));

        var keywords = new List<string>();
        var keywordsNode = paper["ai_keywords"] ?? top["ai_keywords"];
        if (keywordsNode is JsonArray kwArray)
        {
            foreach (var k in kwArray)
            {
                if (Clean(String(k)) is { Length: > 0 } kw && !keywords.Contains(kw, StringComparer.Ordinal))
                {
                    keywords.Add(kw);
                }
            }
        }
        else if (keywordsNode is not null)
        {
            dropped.Add("ai_keywords (not a list)");
        }

        var media = new List<string>();
        AddUrls(paper["mediaUrls"], "paper.mediaUrls", media, dropped, item);
        AddUrls(top["mediaUrls"], "mediaUrls", media, dropped, item);
        AddUrls(top["mediaUrl"], "mediaUrl", media, dropped, item);

        var stars = OptionalInt(paper, "githubStars", "paper.githubStars", dropped) ?? OptionalInt(top, "githubStars", "githubStars", dropped);

        if (dropped.Count > 0)
        {
            diagnostics.Add(Diagnostic.Warning(file, item, "ignored: " + string.Join("; ", dropped)));
        }

        return new Paper
        {
            Id = id,
            ArxivId = arxivId,
            Title = title,
            Abstract = abstractText,
            Authors = authors.ToValueList(),
            AuthorCount = paper["authors"] is JsonArray ? authorCount : null,
            Organization = NonEmpty(Clean(String(org?["fullname"]))) ?? NonEmpty(Clean(String(org?["name"]))),
            OrganizationHandle = NonEmpty(Clean(String(org?["name"]))),
            PublishedOn = publishedOn,
            ListedOn = listingDay is { } day ? ValueList.Of(day) : ValueList<DateOnly>.Empty,
            Snapshots = listingDay is { } snapDay && (upvotes is not null || comments is not null)
                ? ValueList.Of(new CountSnapshot(snapDay, upvotes, comments))
                : ValueList<CountSnapshot>.Empty,
            SubmittedBy = submittedBy,
            AiSummary = NonEmpty(Clean(String(paper["ai_summary"]) ?? String(top["ai_summary"]))),
            AiKeywords = keywords.ToValueList(),
            GithubRepo = Url(paper["githubRepo"] ?? top["githubRepo"], "githubRepo", item),
            GithubStars = stars,
            ProjectPage = Url(paper["projectPage"] ?? top["projectPage"], "projectPage", item),
            Thumbnail = Url(top["thumbnail"] ?? paper["thumbnail"], "thumbnail", item),
            MediaUrls = media.ToValueList(),
        };
    }

    private string? Core(JsonObject obj, string key, string label, string item)
    {
        var node = obj[key];
        if (node is null)
        {
            Skip(item, obj.ContainsKey(key) ? $"{label} is None/null" : $"no {label}");
            return null;
        }
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Trim() is { Length: > 0 } s)
        {
            return s;
        }
        Skip(item, $"{label} is {Kind(node)}, not a non-empty string");
        return null;
    }

    private void Skip(string item, string reason) =>
        diagnostics.Add(Diagnostic.Warning(file, item, "skipped: " + reason));

    private static DateOnly? OptionalDate(JsonObject obj, string key, string label, List<string> dropped)
    {
        var node = obj[key];
        if (node is null)
        {
            return null;
        }
        var d = Date(node);
        if (d is null)
        {
            dropped.Add($"{label} (not a date)");
        }
        return d;
    }

    private static int? OptionalInt(JsonObject obj, string key, string label, List<string> dropped)
    {
        var node = obj[key];
        if (node is null)
        {
            return null;
        }
        if (Int(node) is { } i and >= 0)
        {
            return i;
        }
        dropped.Add($"{label} (not a count)");
        return null;
    }

    private void AddUrls(JsonNode? node, string label, List<string> into, List<string> dropped, string item)
    {
        switch (node)
        {
            case null:
                return;
            case JsonArray array:
                foreach (var n in array)
                {
                    if (Url(n, label, item) is { } u && !into.Contains(u, StringComparer.Ordinal))
                    {
                        into.Add(u);
                    }
                }
                return;
            default:
                if (String(node) is not null)
                {
                    if (Url(node, label, item) is { } single && !into.Contains(single, StringComparer.Ordinal))
                    {
                        into.Add(single);
                    }
                    return;
                }
                dropped.Add($"{label} (not a URL or list of URLs)");
                return;
        }
    }

    /// <summary>An absolute http(s) URL, trimmed; anything else is dropped with a warning (empty strings silently).</summary>
    private string? Url(JsonNode? node, string label, string item)
    {
        if (node is null)
        {
            return null;
        }
        var s = String(node)?.Trim();
        if (string.IsNullOrEmpty(s))
        {
            if (s is null)
            {
                diagnostics.Add(Diagnostic.Warning(file, item, $"ignored {label}: {Kind(node)}, not a URL"));
            }
            return null;
        }
        if (Uri.TryCreate(s, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return s;
        }
        diagnostics.Add(Diagnostic.Warning(file, item, $"ignored {label} '{Truncate(s)}': only http(s) links are kept"));
        return null;
    }

    internal static string? String(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    internal static int? Int(JsonNode? node)
    {
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }
        if (v.TryGetValue<int>(out var i))
        {
            return i;
        }
        if (v.TryGetValue<long>(out var l))
        {
            return l is >= int.MinValue and <= int.MaxValue ? (int)l : null;
        }
        if (v.TryGetValue<double>(out var d))
        {
            return double.IsFinite(d) && Math.Floor(d) == d && d is >= int.MinValue and <= int.MaxValue ? (int)d : null;
        }
        if (v.TryGetValue<decimal>(out var m))
        {
            return decimal.Floor(m) == m && m is >= int.MinValue and <= int.MaxValue ? (int)m : null;
        }
        if (v.TryGetValue<JsonElement>(out var e) && e.TryGetDouble(out var ed))
        {
            return double.IsFinite(ed) && Math.Floor(ed) == ed && ed is >= int.MinValue and <= int.MaxValue ? (int)ed : null;
        }
        return null;
    }

    /// <summary>The UTC calendar day of an ISO timestamp (<c>2026-08-13T00:00:00.000Z</c>) or date.</summary>
    internal static DateOnly? Date(JsonNode? node)
    {
        var s = String(node)?.Trim();
        if (string.IsNullOrEmpty(s))
        {
            return null;
        }
        if (s.Length == 10 && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var dto))
        {
            return DateOnly.FromDateTime(dto.UtcDateTime);
        }
        return null;
    }

    /// <summary>Hard wraps and runs of whitespace become one space.</summary>
    internal static string? Clean(string? s)
    {
        if (s is null)
        {
            return null;
        }
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Hard wraps joined inside a paragraph; a blank line (real paragraph break) kept as one blank line.</summary>
    internal static string? CleanAbstract(string? s)
    {
        if (s is null)
        {
            return null;
        }
        var paragraphs = s.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            .Split('\n')
            .Aggregate(new List<List<string>> { new() }, (acc, line) =>
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    if (acc[^1].Count > 0)
                    {
                        acc.Add([]);
                    }
                }
                else
                {
                    acc[^1].Add(line);
                }
                return acc;
            })
            .Where(p => p.Count > 0)
            .Select(p => Clean(string.Join(' ', p))!)
            .ToList();
        return paragraphs.Count == 0 ? null : string.Join("\n\n", paragraphs);
    }

    private static string? NonEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    private static string StripVersion(string id)
    {
        var v = id.LastIndexOf('v');
        return v > 0 && v < id.Length - 1 && id.AsSpan(v + 1).IndexOfAnyExceptInRange('0', '9') < 0 && char.IsAsciiDigit(id[v - 1])
            ? id[..v]
            : id;
    }

    private static string Kind(JsonNode? node) => node switch
    {
        null => "None/null",
        JsonObject => "an object",
        JsonArray => "a list",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "a value",
        },
        _ => "a value",
    };

    private static string Truncate(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
