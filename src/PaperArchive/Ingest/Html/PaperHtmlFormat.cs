using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using PaperArchive.Common;
using PaperArchive.Ingest.Json;
using PaperArchive.Ingest.Text;
using PaperArchive.Model;

namespace PaperArchive.Ingest.Html;

/// <summary>
/// A saved <c>/papers/&lt;id&gt;</c> page: one paper. The hydration JSON (<c>data-target="PaperContent"</c>)
/// is read first; without it the DOM is read (h1 title, <c>span.author</c> names, the abstract after the
/// "Abstract" heading, upvotes, arXiv id from the canonical URL).
/// <para>The file is not a day's listing (<see cref="ListingReadResult.IsDailyListing"/> false,
/// <see cref="ListingReadResult.ListingDate"/> null). When the page says which day the paper was on the
/// daily list (<c>submittedOnDailyAt</c>, or the "Paper of the day" link) that day is a true fact about
/// the paper and goes into its <see cref="Paper.ListedOn"/>; the merge decides whether to add the paper to
/// that day's listing (it builds day listings only from whole-day files).</para>
/// </summary>
public sealed partial class PaperHtmlFormat : IListingFormat
{
    public SourceKind Kind => SourceKind.PaperHtml;

    public int Sniff(ReadOnlySpan<char> head, string fileName)
    {
        if (!HtmlSniffer.IsHtml(head))
        {
            return 0;
        }
        var text = head.ToString();
        if (HtmlSniffer.PaperIdInUrl(HtmlSniffer.PageUrl(text)) is not null
            || text.Contains("data-target=\"PaperContent\"", StringComparison.Ordinal)
            || PaperPageTitle().IsMatch(text))
        {
            return 90;
        }
        return 0;
    }

    public ListingReadResult Read(string text, string file)
    {
        var diagnostics = new List<Diagnostic>();
        using var doc = SavedPage.Parse(text);
        var urlId = HtmlSniffer.PaperIdInUrl(doc.QuerySelector("link[rel=canonical]")?.GetAttribute("href"))
            ?? HtmlSniffer.PaperIdInUrl(doc.QuerySelector("meta[property='og:url']")?.GetAttribute("content"));
        var thumbnail = doc.QuerySelector("meta[property='og:image']")?.GetAttribute("content");

        Paper? paper = null;
        var json = SavedPage.Hydration(doc, "PaperContent", out var problem);
        if (problem is not null)
        {
            diagnostics.Add(Diagnostic.Warning(file, "PaperContent", problem + "; reading the page text instead"));
        }
        if (json is JsonObject root && root["paper"] is JsonObject p)
        {
            var listed = SavedPage.Date(ApiJsonItemMapper.String(p["submittedOnDailyAt"]));
            var savedOn = SavedPage.Max(listed ?? SavedPage.Date(ApiJsonItemMapper.String(p["publishedAt"])), SavedPage.LatestTimestamp(root));
            // A listing-shaped item, so the API mapper reads it like any other: the page keeps the
            // organisation beside the paper (submitterOrganization) and the comments as a list.
            var item = new JsonObject
            {
                ["paper"] = p.DeepClone(),
                ["submitterOrganization"] = root["submitterOrganization"]?.DeepClone(),
                ["numComments"] = CountComments(root),
                ["thumbnail"] = string.IsNullOrWhiteSpace(thumbnail) ? null : thumbnail,
            };
            paper = HydrationItemMapper.Map(item, "PaperContent", null, savedOn, Kind, file, diagnostics)?.Paper;
            if (paper is null)
            {
                diagnostics.Add(Diagnostic.Warning(file, "PaperContent", "the hydration paper is unusable; reading the page text instead"));
            }
        }
        else if (json is not null)
        {
            diagnostics.Add(Diagnostic.Warning(file, "PaperContent", "the hydration data has no paper; reading the page text instead"));
        }
        paper ??= ReadDom(doc, urlId, thumbnail, file, diagnostics);
        if (paper is null)
        {
            return new ListingReadResult(file, Kind, null, false, [], diagnostics);
        }
        return new ListingReadResult(file, Kind, null, false, [new Observation(paper, Kind, file, "paper " + paper.Id)], diagnostics);
    }

    /// <summary>Comments on the page (hidden ones included, as the site's count includes them).</summary>
    private static int? CountComments(JsonObject root) =>
        root["comments"] is JsonArray list
            ? list.Count(c => c is JsonObject o && ApiJsonItemMapper.String(o["type"]) is null or "comment")
            : null;

    private Paper? ReadDom(IDocument doc, string? urlId, string? thumbnail, string file, List<Diagnostic> diagnostics)
    {
        var h1 = doc.QuerySelector("h1");
        var title = h1 is null ? "" : SavedPage.Text(h1);
        if (PaperId.NormalizeTitle(title).Length == 0)
        {
            diagnostics.Add(Diagnostic.Warning(file, "h1", "the page has no paper title; nothing imported"));
            return null;
        }
        var arxivId = urlId ?? doc.QuerySelectorAll("a[href]")
            .Select(a => ArxivLink().Match(a.GetAttribute("href")!))
            .Where(m => m.Success && PaperId.IsArxivId(m.Groups["id"].Value))
            .Select(m => m.Groups["id"].Value)
            .FirstOrDefault();

        var authors = doc.QuerySelectorAll("span.author")
            .Select(a => SavedPage.Text(a).TrimEnd(',', ' ').Trim())
            .Where(n => n.Length > 0)
            .Select(n => new Author(n))
            .ToValueList();

        string? abstractText = null;
        string? aiSummary = null;
        var heading = doc.QuerySelectorAll("h2, h3").FirstOrDefault(h => SavedPage.Text(h).Equals("Abstract", StringComparison.OrdinalIgnoreCase));
        if (heading?.NextElementSibling is IElement section)
        {
            var paragraphs = new List<string>();
            foreach (var para in section.QuerySelectorAll("p"))
            {
                // The AI summary sits in its own box (with an "AI-generated summary" label) inside the section.
                var box = para.ParentElement;
                if (box is not null && box != section && SavedPage.Text(box).Contains("AI-generated summary", StringComparison.Ordinal))
                {
                    aiSummary ??= SavedPage.Text(para);
                    continue;
                }
                var t = SavedPage.Text(para);
                if (t.Length > 0)
                {
                    paragraphs.Add(t);
                }
            }
            abstractText = paragraphs.Count > 0 ? string.Join("\n\n", paragraphs) : null;
        }
        if (abstractText is null)
        {
            diagnostics.Add(Diagnostic.Warning(file, "Abstract", "no abstract found after the 'Abstract' heading"));
        }

        int? upvotes = null;
        foreach (var box in doc.QuerySelectorAll("input[type=checkbox]"))
        {
            var m = UpvoteText().Match(box.ParentElement is null ? "" : SavedPage.Text(box.ParentElement));
            if (m.Success)
            {
                upvotes = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
                break;
            }
        }
        var listed = doc.QuerySelectorAll("a[href]")
            .Where(a => SavedPage.Text(a).Contains("of the day", StringComparison.OrdinalIgnoreCase))
            .Select(a => SavedPage.DateInUrl(a.GetAttribute("href")))
            .OfType<DateOnly>()
            .FirstOrDefault();
        DateOnly? listedOn = listed == default ? null : listed;

        var pageText = SavedPage.Text(doc.Body ?? (INode)doc);
        DateOnly? published = null;
        var pub = PublishedText().Match(pageText);
        if (pub.Success && PartialDate.TryParseStart(pub.Groups["d"].Value, out var pd, out _))
        {
            // The page omits the year for the current year; the arXiv id (yymm.nnnnn) says which year.
            published = pd.ToDate() ?? (arxivId is not null && NewArxiv().Match(arxivId) is { Success: true } a
                ? pd.At(2000 + int.Parse(a.Groups["yy"].Value, CultureInfo.InvariantCulture))
                : null);
        }
        var projectPage = doc.QuerySelectorAll("a[href]").FirstOrDefault(a => SavedPage.Text(a) == "Project page")?.GetAttribute("href");
        var github = doc.QuerySelectorAll("a[href^='https://github.com/']").FirstOrDefault(a => SavedPage.Text(a).StartsWith("GitHub", StringComparison.Ordinal));
        int? stars = github is not null && Stars().Match(SavedPage.Text(github)) is { Success: true } st ? int.Parse(st.Groups["n"].Value, CultureInfo.InvariantCulture) : null;

        return new Paper
        {
            Id = arxivId ?? PaperId.FromTitle(title),
            ArxivId = arxivId,
            Title = title,
            Abstract = abstractText,
            Authors = authors,
            AuthorCount = authors.Count > 0 ? authors.Count : null,
            PublishedOn = published,
            ListedOn = listedOn is DateOnly l ? ValueList.Of(l) : ValueList<DateOnly>.Empty,
            Snapshots = upvotes is not null && (listedOn ?? published) is DateOnly s
                ? ValueList.Of(new CountSnapshot(s, upvotes, null))
                : ValueList<CountSnapshot>.Empty,
            AiSummary = aiSummary,
            GithubRepo = github?.GetAttribute("href"),
            GithubStars = stars,
            ProjectPage = projectPage,
            Thumbnail = string.IsNullOrWhiteSpace(thumbnail) ? null : thumbnail,
        };
    }

    [GeneratedRegex(@"<title>\s*Paper page -", RegexOptions.IgnoreCase)]
    private static partial Regex PaperPageTitle();

    [GeneratedRegex(@"arxiv\.org/(?:abs|pdf)/(?<id>[^\s?#]+?)(?:v\d+)?(?:\.pdf)?$")]
    private static partial Regex ArxivLink();

    [GeneratedRegex(@"Upvote\s+(?<n>\d{1,7})")]
    private static partial Regex UpvoteText();

    [GeneratedRegex(@"Published on (?<d>[A-Z][a-z]+\.? \d{1,2}(?:, \d{4})?)")]
    private static partial Regex PublishedText();

    [GeneratedRegex(@"^(?<yy>\d{2})(?<mm>\d{2})\.")]
    private static partial Regex NewArxiv();

    [GeneratedRegex(@"GitHub\s+(?<n>\d{1,7})\b")]
    private static partial Regex Stars();
}
