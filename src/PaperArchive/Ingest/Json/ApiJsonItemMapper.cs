using System.Globalization;
using System.Text;
using System.Text.Json;
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
    public static bool LooksLikeItem(JsonElement obj) =>
        obj.ValueKind == JsonValueKind.Object
        && (Get(obj, "paper") is { ValueKind: JsonValueKind.Object }
            || (obj.TryGetProperty("id", out _) && obj.TryGetProperty("title", out _) && !obj.TryGetProperty("data", out _)));

    public void MapItem(JsonElement node, string item, List<Observation> into)
    {
        var paper = node.ValueKind == JsonValueKind.String ? MapRepr(node.GetString()!, item) : Map(node, item);
        if (paper is not null)
        {
            into.Add(new Observation(paper, SourceKind.ApiJson, file, item));
        }
    }

    private Paper? MapRepr(string text, string item)
    {
        if (!PythonLiteralParser.TryParse(text, out var node, out var error))
        {
            Skip(item, "the string is not a readable Python literal: " + error);
            return null;
        }
        using var doc = PythonLiteralJson.ToDocument(node);
        return Map(doc.RootElement, item);
    }

    private Paper? Map(JsonElement top, string item)
    {
        if (top.ValueKind != JsonValueKind.Object)
        {
            Skip(item, "not an object but " + Kind(top));
            return null;
        }
        JsonElement paper;
        var wrapped = top.TryGetProperty("paper", out var inner);
        if (wrapped)
        {
            if (inner.ValueKind != JsonValueKind.Object)
            {
                Skip(item, "'paper' is " + Kind(inner) + ", not an object");
                return null;
            }
            paper = inner;
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
        var title = Clean(String(Get(top, "title"))) is { Length: > 0 } t ? t : Clean(String(Get(paper, "title")));
        if (string.IsNullOrEmpty(title))
        {
            Skip(item, top.TryGetProperty("title", out _) || paper.TryGetProperty("title", out _) ? "title is empty or not a string" : "no title");
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

        if (Get(paper, "authors") is { } authorsNode && authorsNode.ValueKind != JsonValueKind.Array)
        {
            Skip(item, "paper.authors is " + Kind(authorsNode) + ", not a list");
            return null;
        }
        var authors = new List<Author>();
        var authorCount = 0;
        if (Get(paper, "authors") is { ValueKind: JsonValueKind.Array } authorArray)
        {
            foreach (var ao in authorArray.EnumerateArray())
            {
                authorCount++;
                if (Clean(String(Get(ao, "name"))) is { Length: > 0 } name)
                {
                    var user = Get(ao, "user");
                    var handle = Clean(String(Get(user, "user"))) ?? Clean(String(Get(user, "name")));
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
        var listingDay = dailyAt ?? fileDay ?? (wrapped ? topPublished : null);

        var upvotes = OptionalInt(paper, "upvotes", "paper.upvotes", dropped) ?? OptionalInt(top, "upvotes", "upvotes", dropped);
        var comments = OptionalInt(top, "numComments", "numComments", dropped) ?? OptionalInt(paper, "numComments", "paper.numComments", dropped);

        var submitter = Get(paper, "submittedOnDailyBy");
        var topSubmitter = Get(top, "submittedBy");
        var submittedBy = NonEmpty(Clean(String(Get(submitter, "user"))))
            ?? NonEmpty(Clean(String(Get(submitter, "name"))))
            ?? NonEmpty(Clean(String(Get(topSubmitter, "name"))))
            ?? NonEmpty(Clean(String(Get(topSubmitter, "user"))));

        var org = Object(Get(paper, "organization"))
            ?? Object(Get(top, "organization"))
            ?? Object(Get(top, "submitterOrganization"));

        var abstractText = CleanAbstract(String(Get(paper, "summary"))) ?? CleanAbstract(String(Get(top, "summary")));

        var keywords = new List<string>();
        var keywordsNode = Get(paper, "ai_keywords") ?? Get(top, "ai_keywords");
        if (keywordsNode is { ValueKind: JsonValueKind.Array } kwArray)
        {
            foreach (var k in kwArray.EnumerateArray())
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
        AddUrls(Get(paper, "mediaUrls"), "paper.mediaUrls", media, dropped, item);
        AddUrls(Get(top, "mediaUrls"), "mediaUrls", media, dropped, item);
        AddUrls(Get(top, "mediaUrl"), "mediaUrl", media, dropped, item);

        if (listingDay is null && (upvotes is not null || comments is not null))
        {
            dropped.Add("upvotes/comments (no listing day in the item or the file name to date them)");
        }

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
            AuthorCount = Get(paper, "authors") is not null ? authorCount : null,
            Organization = NonEmpty(Clean(String(Get(org, "fullname")))) ?? NonEmpty(Clean(String(Get(org, "name")))),
            OrganizationHandle = NonEmpty(Clean(String(Get(org, "name")))),
            PublishedOn = publishedOn,
            ListedOn = listingDay is { } day ? ValueList.Of(day) : ValueList<DateOnly>.Empty,
            Snapshots = listingDay is { } snapDay && (upvotes is not null || comments is not null)
                ? ValueList.Of(new CountSnapshot(snapDay, upvotes, comments))
                : ValueList<CountSnapshot>.Empty,
            SubmittedBy = submittedBy,
            AiSummary = NonEmpty(Clean(String(Get(paper, "ai_summary")) ?? String(Get(top, "ai_summary")))),
            AiKeywords = keywords.ToValueList(),
            GithubRepo = Url(Get(paper, "githubRepo") ?? Get(top, "githubRepo"), "githubRepo", item),
            GithubStars = stars,
            ProjectPage = Url(Get(paper, "projectPage") ?? Get(top, "projectPage"), "projectPage", item),
            Thumbnail = Url(Get(top, "thumbnail") ?? Get(paper, "thumbnail"), "thumbnail", item),
            MediaUrls = media.ToValueList(),
        };
    }

    private string? Core(JsonElement obj, string key, string label, string item)
    {
        var node = Get(obj, key);
        if (node is null)
        {
            Skip(item, obj.TryGetProperty(key, out _) ? $"{label} is None/null" : $"no {label}");
            return null;
        }
        if (String(node)?.Trim() is { Length: > 0 } s)
        {
            return s;
        }
        Skip(item, $"{label} is {Kind(node)}, not a non-empty string");
        return null;
    }

    private void Skip(string item, string reason) =>
        diagnostics.Add(Diagnostic.Warning(file, item, "skipped: " + reason));

    private static DateOnly? OptionalDate(JsonElement obj, string key, string label, List<string> dropped)
    {
        var node = Get(obj, key);
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

    private static int? OptionalInt(JsonElement obj, string key, string label, List<string> dropped)
    {
        var node = Get(obj, key);
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

    private void AddUrls(JsonElement? node, string label, List<string> into, List<string> dropped, string item)
    {
        switch (node)
        {
            case null:
                return;
            case { ValueKind: JsonValueKind.Array } array:
                foreach (var n in array.EnumerateArray())
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
    private string? Url(JsonElement? node, string label, string item)
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

    /// <summary>The property's value; null when <paramref name="obj"/> is not an object, the key is missing or the value is null.</summary>
    internal static JsonElement? Get(JsonElement? obj, string key) =>
        obj is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(key, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    private static JsonElement? Object(JsonElement? e) => e is { ValueKind: JsonValueKind.Object } ? e : null;

    internal static string? String(JsonElement? node) =>
        node is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    internal static int? Int(JsonElement? node)
    {
        if (node is not { ValueKind: JsonValueKind.Number } v)
        {
            return null;
        }
        if (v.TryGetInt32(out var i))
        {
            return i;
        }
        return v.TryGetDouble(out var d) && double.IsFinite(d) && Math.Floor(d) == d && d is >= int.MinValue and <= int.MaxValue ? (int)d : null;
    }

    /// <summary>The UTC calendar day of an ISO timestamp (<c>2026-08-13T00:00:00.000Z</c>) or date.</summary>
    internal static DateOnly? Date(JsonElement? node)
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

    // Saved HTML pages carry their hydration data as mutable JsonNode trees (they reshape items
    // before mapping); these overloads let them use the same field rules.
    internal static JsonElement? Element(System.Text.Json.Nodes.JsonNode? node) =>
        node is null ? null : JsonSerializer.SerializeToElement(node);

    internal static string? String(System.Text.Json.Nodes.JsonNode? node) => String(Element(node));

    internal static int? Int(System.Text.Json.Nodes.JsonNode? node) => Int(Element(node));

    internal static DateOnly? Date(System.Text.Json.Nodes.JsonNode? node) => Date(Element(node));

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

    private static string Kind(JsonElement? node) => node?.ValueKind switch
    {
        null or JsonValueKind.Null or JsonValueKind.Undefined => "None/null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a boolean",
    };

    private static string Truncate(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
