namespace PaperArchive.Fetch;

/// <summary>
/// What <see cref="ListingValidator"/> found in one response body. When <see cref="IsValid"/> is false,
/// <see cref="Problem"/> says why in one line and <see cref="Reason"/> is a short file-name-safe tag
/// ("html-page", "invalid-json", "not-a-listing"). <see cref="Counts"/> maps each paper id to
/// upvotes + comments, used to tell which of two scrapes of a day is more complete.
/// </summary>
public sealed record ListingCheck(bool IsValid, string Reason, string? Problem, IReadOnlyList<string> PaperIds, long TotalCounts)
{
    public bool IsEmpty => IsValid && PaperIds.Count == 0;

    public static ListingCheck Invalid(string reason, string problem) => new(false, reason, problem, [], 0);
}
