namespace PaperArchive.Fetch;

/// <summary>
/// Which days a run fetches. Asked-for ranges are fetched in full (up to today). Without a range:
/// every day after the newest known day (listed or recorded empty) up to today, plus the last
/// <c>recheck</c> listed days (early scrapes can be partial), plus yesterday and today even when
/// recorded empty (a listing can still be filling up), plus every day that failed before. Days after today are never fetched: an
/// empty answer for them would be recorded and hide the real listing later.
/// </summary>
public sealed record FetchPlan(IReadOnlyList<DateOnly> Days, IReadOnlyList<string> Notes)
{
    /// <summary>How far back an empty store starts when no range is given.</summary>
    public const int FirstRunDays = 2;

    public static FetchPlan Create(DateRange? asked, IEnumerable<DateOnly> listedDays, FetchState state, DateOnly today, int recheck)
    {
        var notes = new List<string>();
        var days = new SortedSet<DateOnly>();
        var listed = listedDays.Order().ToList();
        var empty = state.EmptyDays;
        if (asked is not null)
        {
            foreach (var day in asked.Days())
            {
                if (day > today)
                {
                    notes.Add($"skipped {asked.To.DayNumber - day.DayNumber + 1} day(s) after today ({today:yyyy-MM-dd}, UTC)");
                    break;
                }
                days.Add(day);
            }
            return new FetchPlan(days.ToList(), notes);
        }

        var newest = listed.Concat(empty).DefaultIfEmpty(today.AddDays(-FirstRunDays)).Max();
        if (listed.Count == 0 && empty.Count == 0)
        {
            notes.Add($"no listings yet: fetching the last {FirstRunDays} days; use --from/--to to backfill older days");
        }
        for (var day = newest.AddDays(1); day <= today; day = day.AddDays(1))
        {
            days.Add(day);
        }
        foreach (var day in listed.TakeLast(recheck))
        {
            if (day <= today)
            {
                days.Add(day);
            }
        }
        for (var day = today.AddDays(-1); day <= today; day = day.AddDays(1))
        {
            if (empty.Contains(day))
            {
                days.Add(day);
            }
        }
        var retry = state.FailedDays.Where(d => d <= today && !days.Contains(d)).ToList();
        if (retry.Count > 0)
        {
            notes.Add($"retrying {retry.Count} day(s) that failed before");
            days.UnionWith(retry);
        }
        return new FetchPlan(days.ToList(), notes);
    }
}
