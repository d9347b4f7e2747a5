namespace PaperArchive.Fetch;

/// <summary>
/// One day of a run. <see cref="Message"/> is a one-line, human-readable reason ("saved 23 papers",
/// "failed after 5 attempts: HTTP 503"); <see cref="SetAside"/> lists responses kept in the rejected folder.
/// </summary>
public sealed record DayResult(
    DateOnly Date,
    DayOutcome Outcome,
    string Message,
    int Attempts,
    string? ListingPath,
    IReadOnlyList<string> SetAside)
{
    public override string ToString() => $"{Date:yyyy-MM-dd}: {Message}";
}
