namespace PaperArchive.Fetch;

/// <summary>
/// The outcome of one <c>fetch</c> run, day by day, in date order. <see cref="Error"/> is set when
/// the run could not start at all (another fetch holds the store).
/// </summary>
public sealed record FetchReport(IReadOnlyList<DayResult> Days, IReadOnlyList<string> Notes, string? Error = null)
{
    public IEnumerable<DayResult> Failed => Days.Where(d => d.Outcome == DayOutcome.Failed);

    /// <summary>0 when every day was fetched (or there was nothing new), 1 when a day failed or the run could not start.</summary>
    public int ExitCode => Error is not null || Failed.Any() ? 1 : 0;
}
