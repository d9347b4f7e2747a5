using System.Globalization;
using System.Text.Json;
using PaperArchive.Ingest.Text;
using PaperArchive.Model;

namespace PaperArchive.Ingest.Html;

/// <summary>
/// Maps one item of a saved page's hydration JSON — the same shape as an API <c>daily_papers</c> item
/// (<c>{paper{…}, title, numComments, thumbnail, mediaUrls, submittedBy, organization, …}</c>) — or the
/// bare <c>paper</c> object of a paper page onto <see cref="Paper"/>.
/// TODO(ingest): unify with the API JSON reader's item mapping in Ingest/Json after merge; this copy
/// exists only so the HTML readers could be built in parallel.
/// </summary>
internal static class HydrationItemMapper
{
    /// <summary>
    /// <paramref name="item"/> is a listing item (with <c>paper</c>) or a paper object itself.
    /// Returns null with <paramref name="problem"/> when the item has no usable title.
    /// </summary>
    public static Paper? Map(JsonElement item, DateOnly? listedOn, DateOnly? snapshotDay, int? comments, out string? problem)
    {
        problem = null;
        if (item.ValueKind != JsonValueKind.Object)
        {
            problem = $"item is a JSON {item.ValueKind.ToString().ToLowerInvariant()}, not an object";
            return null;
        }
        var paper = Obj(item, "paper") ?? item;
        var title = PaperTextCleaner.Title(Str(item, "title") ?? Str(paper, "title"));
        if (PaperId.NormalizeTitle(title).Length == 0)
        {
            problem = "item has no title";
            return null;
        }
        var rawId = Str(paper, "id")?.Trim();
        var arxivId = PaperId.IsArxivId(rawId) ? rawId : null;

        var authors = new List<Author>();
        if (Arr(paper, "authors") is JsonElement list)
        {
            foreach (var a in list.EnumerateArray())
            {
                // Hidden authors are kept: the page's own "N authors" counts them too.
                var name = a.ValueKind == JsonValueKind.Object ? PaperTextCleaner.Title(Str(a, "name")) : a.ValueKind == JsonValueKind.String ? PaperTextCleaner.Title(a.GetString()) : "";
                if (name.Length > 0)
                {
                    var user = a.ValueKind == JsonValueKind.Object && Obj(a, "user") is JsonElement u ? Str(u, "user") ?? Str(u, "name") : null;
                    authors.Add(new Author(name, string.IsNullOrWhiteSpace(user) ? null : user));
                }
            }
        }

        var media = new List<string>();
        foreach (var source in new[] { item, paper })
        {
            if (Arr(source, "mediaUrls") is JsonElement urls)
            {
                media.AddRange(urls.EnumerateArray().Where(u => u.ValueKind == JsonValueKind.String).Select(u => u.GetString()!).Where(u => u.Length > 0));
            }
            if (Str(source, "mediaUrl") is { Length: > 0 } single)
            {
                media.Add(single);
            }
        }

        var organization = Obj(item, "organization") ?? Obj(paper, "organization") ?? Obj(item, "submitterOrganization");
        var submitter = Obj(item, "submittedBy") is JsonElement by ? Str(by, "name") ?? Str(by, "user")
            : Obj(paper, "submittedOnDailyBy") is JsonElement daily ? Str(daily, "user") ?? Str(daily, "name") : null;
        var upvotes = Int(paper, "upvotes") ?? Int(item, "upvotes");
        var numComments = Int(item, "numComments") ?? comments;

        var keywords = Arr(paper, "ai_keywords") is JsonElement kw
            ? kw.EnumerateArray().Where(k => k.ValueKind == JsonValueKind.String).Select(k => k.GetString()!.Trim()).Where(k => k.Length > 0).ToValueList()
            : ValueList<string>.Empty;

        return new Paper
        {
            Id = arxivId ?? PaperId.FromTitle(title),
            ArxivId = arxivId,
            Title = title,
            Abstract = PaperTextCleaner.Abstract(Str(paper, "summary") ?? Str(item, "summary")),
            Authors = authors.ToValueList(),
            Organization = organization is JsonElement o ? NonEmpty(Str(o, "fullname")) ?? NonEmpty(Str(o, "name")) : null,
            OrganizationHandle = organization is JsonElement oh ? NonEmpty(Str(oh, "name")) : null,
            PublishedOn = Date(Str(paper, "publishedAt")),
            ListedOn = listedOn is DateOnly l ? ValueList.Of(l) : ValueList<DateOnly>.Empty,
            Snapshots = snapshotDay is DateOnly s && (upvotes is not null || numComments is not null)
                ? ValueList.Of(new CountSnapshot(s, upvotes, numComments))
                : ValueList<CountSnapshot>.Empty,
            SubmittedBy = NonEmpty(submitter),
            AiSummary = NonEmpty(Str(paper, "ai_summary"))?.Trim(),
            AiKeywords = keywords,
            GithubRepo = NonEmpty(Str(paper, "githubRepo")),
            GithubStars = Int(paper, "githubStars"),
            ProjectPage = NonEmpty(Str(paper, "projectPage")),
            Thumbnail = NonEmpty(Str(item, "thumbnail")),
            MediaUrls = media.Distinct(StringComparer.Ordinal).ToValueList(),
        };
    }

    /// <summary>The UTC calendar day of an ISO timestamp ("2024-07-31T17:54:27.000Z").</summary>
    public static DateOnly? Date(string? iso)
    {
        if (string.IsNullOrWhiteSpace(iso))
        {
            return null;
        }
        if (DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto))
        {
            return DateOnly.FromDateTime(dto.UtcDateTime);
        }
        return iso.Length >= 10 && DateOnly.TryParseExact(iso[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    public static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static JsonElement? Obj(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    public static JsonElement? Arr(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v : null;

    /// <summary>A non-negative count given as a number or a numeric string.</summary>
    public static int? Int(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v))
        {
            return null;
        }
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n >= 0)
        {
            return n;
        }
        if (v.ValueKind == JsonValueKind.String && int.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var s))
        {
            return s;
        }
        return null;
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
