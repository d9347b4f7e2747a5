using System.Text.Json.Nodes;
using PaperArchive.Common;
using PaperArchive.Ingest.Json;
using PaperArchive.Model;

namespace PaperArchive.Ingest.Html;

/// <summary>
/// Maps one item of a saved page's hydration JSON onto an observation. The items have the API's shape
/// (<c>{paper{…}, title, numComments, thumbnail, mediaUrls, submittedBy, organization, …}</c>), so the
/// API reader's <see cref="ApiJsonItemMapper"/> does the mapping — one set of field rules for every
/// source. What differs for a saved page is applied here: the observation's <see cref="SourceKind"/>,
/// and the date of the counts, which is the day the page was saved (not earlier than the newest
/// timestamp in it) rather than the listing day.
/// </summary>
internal static class HydrationItemMapper
{
    public static Observation? Map(
        JsonNode? item,
        string itemLabel,
        DateOnly? listingDay,
        DateOnly? savedOn,
        SourceKind kind,
        string file,
        List<Diagnostic> diagnostics)
    {
        var mapped = new List<Observation>(1);
        if (ApiJsonItemMapper.Element(item) is not { } element)
        {
            return null;
        }
        new ApiJsonItemMapper(file, listingDay, diagnostics).MapItem(element, itemLabel, mapped);
        if (mapped.Count == 0)
        {
            return null;
        }
        var paper = mapped[0].Paper;
        if (savedOn is DateOnly saved)
        {
            if (paper.Snapshots.Count == 1 && paper.Snapshots[0].Date < saved)
            {
                paper = paper with { Snapshots = ValueList.Of(paper.Snapshots[0] with { Date = saved }) };
            }
            else if (paper.Snapshots.Count == 0 && item is JsonObject top)
            {
                // No listing day to date the counts by (a paper page of a paper never on the daily list).
                var p = top["paper"] as JsonObject ?? top;
                var upvotes = ApiJsonItemMapper.Int(p["upvotes"]) is int u and >= 0 ? u : (int?)null;
                var comments = ApiJsonItemMapper.Int(top["numComments"]) is int c and >= 0 ? c : (int?)null;
                if (upvotes is not null || comments is not null)
                {
                    paper = paper with { Snapshots = ValueList.Of(new CountSnapshot(saved, upvotes, comments)) };
                }
            }
        }
        return new Observation(paper, kind, file, itemLabel);
    }
}
