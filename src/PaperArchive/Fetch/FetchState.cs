using System.Collections.Immutable;

namespace PaperArchive.Fetch;

/// <summary>
/// What the fetcher remembers between runs besides the listings themselves (kept in
/// <c>hf-api/.fetch-state.json</c>, committed with them): days the API listed no papers, so they are
/// not fetched forever, and days that failed, so a later run retries them even after newer days
/// succeeded. A day is in at most one of the two sets.
/// </summary>
public sealed record FetchState(ImmutableSortedSet<DateOnly> EmptyDays, ImmutableSortedSet<DateOnly> FailedDays)
{
    public static readonly FetchState None = new([], []);

    public bool IsNone => EmptyDays.IsEmpty && FailedDays.IsEmpty;

    public FetchState WithEmpty(DateOnly day) => new(EmptyDays.Add(day), FailedDays.Remove(day));

    public FetchState WithFailed(DateOnly day) => new(EmptyDays, FailedDays.Add(day));

    /// <summary>The day has a listing now: neither empty nor failed.</summary>
    public FetchState WithListed(DateOnly day) => new(EmptyDays.Remove(day), FailedDays.Remove(day));
}
