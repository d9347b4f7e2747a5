namespace PaperArchive.Fetch;

/// <summary>
/// Which of two scrapes of one day to keep. A response replaces the saved listing only when it is
/// more complete: it lists every saved paper and more of them, or the same papers with larger
/// upvote + comment counts. Anything else keeps the saved file, so nothing archived is ever lost;
/// a smaller or different response is set aside for a person to look at.
/// </summary>
public sealed record ListingComparison(ListingVerdict Verdict, string Reason, string Message)
{
    public static ListingComparison Compare(ListingCheck saved, ListingCheck incoming)
    {
        if (!incoming.IsValid)
        {
            throw new ArgumentException("only valid responses are compared", nameof(incoming));
        }
        if (!saved.IsValid)
        {
            return new(ListingVerdict.Replace, "replaced-unreadable", $"saved listing was unreadable ({saved.Problem}); replaced with {Papers(incoming)}");
        }
        if (incoming.IsEmpty)
        {
            return new(ListingVerdict.Keep, "empty", $"API returned an empty list; kept the saved listing ({Papers(saved)})");
        }
        var savedIds = saved.PaperIds.ToHashSet(StringComparer.Ordinal);
        var incomingIds = incoming.PaperIds.ToHashSet(StringComparer.Ordinal);
        var missing = savedIds.Where(id => !incomingIds.Contains(id)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            if (incomingIds.Count > savedIds.Count)
            {
                return new(ListingVerdict.Replace, "more-papers", $"updated: {Papers(incoming)} (was {savedIds.Count})");
            }
            if (incoming.TotalCounts > saved.TotalCounts)
            {
                return new(ListingVerdict.Replace, "larger-counts", $"updated: {Papers(incoming)}, upvotes + comments {saved.TotalCounts} → {incoming.TotalCounts}");
            }
            return new(ListingVerdict.Keep, "unchanged", $"unchanged ({Papers(saved)})");
        }
        var shown = string.Join(", ", missing.Take(3)) + (missing.Count > 3 ? $" and {missing.Count - 3} more" : "");
        if (incomingIds.Count < savedIds.Count)
        {
            return new(ListingVerdict.KeepAndSetAside, "smaller", $"response is smaller ({Papers(incoming)}, saved has {savedIds.Count}); kept the saved listing");
        }
        return new(ListingVerdict.KeepAndSetAside, "different", $"response lacks saved paper(s) {shown}; kept the saved listing ({Papers(saved)})");
    }

    private static string Papers(ListingCheck check) => check.PaperIds.Count == 1 ? "1 paper" : $"{check.PaperIds.Count} papers";
}
