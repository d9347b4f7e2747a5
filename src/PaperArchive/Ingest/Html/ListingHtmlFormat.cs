using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using PaperArchive.Common;
using PaperArchive.Ingest.Json;
using PaperArchive.Model;

namespace PaperArchive.Ingest.Html;

/// <summary>
/// A saved <c>/papers</c> daily listing page. The page's hydration JSON
/// (<c>data-target="DailyPapers"</c>: <c>{date, dailyPapers[], prevDate, nextDate}</c>) carries
/// everything and is read first; when it is missing or broken the <c>&lt;article&gt;</c> cards are read
/// instead (title, arXiv id, upvotes, author count, comments, thumbnail, submitter — no abstract, no
/// names). Counts are dated by the newest timestamp in the page (a page saved a week later shows a
/// week's more upvotes), never earlier than the listing day.
/// </summary>
public sealed partial class ListingHtmlFormat : IListingFormat
{
    public SourceKind Kind => SourceKind.ListingHtml;

    public int Sniff(ReadOnlySpan<char> head, string fileName)
    {
        if (!HtmlSniffer.IsHtml(head))
        {
            return 0;
        }
        var text = head.ToString();
        if (HtmlSniffer.PaperIdInUrl(HtmlSniffer.PageUrl(text)) is not null)
        {
            return 0; // a single paper's page
        }
        if (text.Contains("DailyPapersPage", StringComparison.Ordinal)
            || text.Contains("data-target=\"DailyPapers\"", StringComparison.Ordinal)
            || HtmlSniffer.PageUrl(text) is string url && ListingUrl().IsMatch(url))
        {
            return 90;
        }
        return text.Contains("huggingface.co", StringComparison.OrdinalIgnoreCase) && text.Contains("Daily Papers", StringComparison.Ordinal) ? 30 : 0;
    }

    public ListingReadResult Read(string text, string file)
    {
        var diagnostics = new List<Diagnostic>();
        using var doc = SavedPage.Parse(text);
        var pageDate = PageDate(doc);
        var json = SavedPage.Hydration(doc, "DailyPapers", out var problem);
        if (problem is not null)
        {
            diagnostics.Add(Diagnostic.Warning(file, "DailyPapers", problem + "; reading the cards instead"));
        }
        if (json is not null)
        {
            if (json is JsonObject root && root["dailyPapers"] is JsonArray items)
            {
                var date = SavedPage.Date(ApiJsonItemMapper.String(root["date"])) ?? pageDate;
                if (date is null)
                {
                    diagnostics.Add(Diagnostic.Warning(file, null, "the page does not say which day it lists; papers are kept without a listing day"));
                }
                var savedOn = SavedPage.Max(date, SavedPage.LatestTimestamp(root));
                var observations = new List<Observation>();
                for (var i = 0; i < items.Count; i++)
                {
                    var where = "item " + i.ToString(CultureInfo.InvariantCulture);
                    if (HydrationItemMapper.Map(items[i], where, date, savedOn, Kind, file, diagnostics) is Observation o)
                    {
                        observations.Add(o);
                    }
                }
                return new ListingReadResult(file, Kind, date, true, observations, diagnostics);
            }
            diagnostics.Add(Diagnostic.Warning(file, "DailyPapers", "the hydration data has no dailyPapers list; reading the cards instead"));
        }
        return ReadCards(doc, pageDate, file, diagnostics);
    }

    private ListingReadResult ReadCards(IDocument doc, DateOnly? date, string file, List<Diagnostic> diagnostics)
    {
        if (date is null)
        {
            diagnostics.Add(Diagnostic.Warning(file, null, "the page does not say which day it lists; papers are kept without a listing day"));
        }
        var observations = new List<Observation>();
        var index = 0;
        foreach (var card in doc.QuerySelectorAll("article"))
        {
            var where = "card " + index.ToString(CultureInfo.InvariantCulture);
            index++;
            var link = card.QuerySelectorAll("h3 a[href], h2 a[href], h1 a[href]")
                .FirstOrDefault(a => PaperHref().IsMatch(a.GetAttribute("href") ?? ""));
            if (link is null)
            {
                diagnostics.Add(Diagnostic.Warning(file, where, "card has no title link to /papers/<id>; skipped"));
                continue;
            }
            var title = SavedPage.Text(link);
            var id = PaperHref().Match(link.GetAttribute("href")!).Groups["id"].Value;
            if (PaperId.NormalizeTitle(title).Length == 0)
            {
                diagnostics.Add(Diagnostic.Warning(file, where, "card has an empty title; skipped"));
                continue;
            }
            var arxivId = PaperId.IsArxivId(id) ? id : null;
            var cardText = SavedPage.Text(card);
            var authors = AuthorCount().Match(cardText);
            int? upvotes = null;
            foreach (var box in card.QuerySelectorAll("input[type=checkbox]"))
            {
                var m = Number().Match(box.ParentElement is null ? "" : SavedPage.Text(box.ParentElement));
                if (m.Success)
                {
                    upvotes = int.Parse(m.Value, CultureInfo.InvariantCulture);
                    break;
                }
            }
            int? comments = null;
            var community = card.QuerySelectorAll("a[href]").FirstOrDefault(a => a.GetAttribute("href")!.EndsWith("#community", StringComparison.Ordinal));
            if (community is not null && Number().Match(SavedPage.Text(community)) is { Success: true } c)
            {
                comments = int.Parse(c.Value, CultureInfo.InvariantCulture);
            }
            var submitted = SubmittedBy().Match(cardText);
            // A card shows the thumbnail, or the submitter's video in its place.
            var thumbnail = card.QuerySelectorAll("img[src]").Select(i => i.GetAttribute("src")!).FirstOrDefault(s => s.Contains("thumbnail", StringComparison.OrdinalIgnoreCase));
            var media = card.QuerySelectorAll("video[src], video source[src]").Select(v => v.GetAttribute("src")!).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToValueList();
            var paper = new Paper
            {
                Id = arxivId ?? PaperId.FromTitle(title),
                ArxivId = arxivId,
                Title = title,
                AuthorCount = authors.Success ? int.Parse(authors.Groups["n"].Value, CultureInfo.InvariantCulture) : null,
                ListedOn = date is DateOnly d ? ValueList.Of(d) : ValueList<DateOnly>.Empty,
                Snapshots = date is DateOnly s && (upvotes is not null || comments is not null)
                    ? ValueList.Of(new CountSnapshot(s, upvotes, comments))
                    : ValueList<CountSnapshot>.Empty,
                SubmittedBy = submitted.Success ? submitted.Groups["user"].Value : null,
                Thumbnail = thumbnail,
                MediaUrls = media,
            };
            observations.Add(new Observation(paper, Kind, file, where));
        }
        if (observations.Count == 0)
        {
            diagnostics.Add(Diagnostic.Warning(file, null, "no paper cards found on the page"));
        }
        return new ListingReadResult(file, Kind, date, true, observations, diagnostics);
    }

    /// <summary>The listing day from the page itself: the date badge, else the middle of the day navigation.</summary>
    private static DateOnly? PageDate(IDocument doc)
    {
        foreach (var time in doc.QuerySelectorAll("time[datetime]"))
        {
            if (SavedPage.Date(time.GetAttribute("datetime")) is DateOnly d)
            {
                return d;
            }
        }
        var linked = doc.QuerySelectorAll("a[href]")
            .Select(a => SavedPage.DateInUrl(a.GetAttribute("href")))
            .OfType<DateOnly>()
            .Distinct()
            .Order()
            .ToList();
        // Previous and next day links one day either side of the listing day (weekends make it wider).
        if (linked.Count == 2 && linked[1].DayNumber - linked[0].DayNumber == 2)
        {
            return linked[0].AddDays(1);
        }
        var url = doc.QuerySelector("link[rel=canonical]")?.GetAttribute("href")
            ?? doc.QuerySelector("meta[property='og:url']")?.GetAttribute("content");
        return SavedPage.DateInUrl(url);
    }

    [GeneratedRegex(@"^https?://huggingface\.co/papers(?:/date/\d{4}-\d{2}-\d{2}|\?date=[\d-]+)?/?$")]
    private static partial Regex ListingUrl();

    [GeneratedRegex(@"^(?:https?://huggingface\.co)?/papers/(?<id>[A-Za-z0-9.\-]+(?:/\d{7})?)/?$")]
    private static partial Regex PaperHref();

    [GeneratedRegex(@"(?<n>\d{1,5})\s+authors?\b", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorCount();

    [GeneratedRegex(@"\d{1,7}")]
    private static partial Regex Number();

    [GeneratedRegex(@"Submitted by\s+(?<user>[A-Za-z0-9][A-Za-z0-9_.\-]*)")]
    private static partial Regex SubmittedBy();
}
