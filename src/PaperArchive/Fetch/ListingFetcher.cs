using System.Globalization;

namespace PaperArchive.Fetch;

/// <summary>
/// Front door of the fetch stage: <c>new ListingFetcher(options, clock, random, output).FetchAsync(listingsDir, range)</c>
/// downloads daily listings one request at a time, validates each response before it touches
/// disk, keeps the more complete of two scrapes of a day, records empty days, and sets bad
/// responses aside. Writes are atomic, so a run killed at any moment leaves every file whole.
/// </summary>
public sealed class ListingFetcher : IDisposable
{
    /// <summary>Temp files older than this are an interrupted run's leftovers and are removed.</summary>
    private static readonly TimeSpan StaleTempAge = TimeSpan.FromHours(1);

    private readonly FetchOptions options;
    private readonly TimeProvider clock;
    private readonly RetryPolicy retry;
    private readonly TextWriter output;
    private readonly DailyPapersClient client;
    private long? lastRequestEnded;
    private TimeSpan politeDelay;

    /// <param name="clock">Supplies "today" (UTC), Retry-After dates and the waits.</param>
    /// <param name="random">Jitter for backoff; tests pass a fixed seed.</param>
    /// <param name="output">One line per day as it completes, plus retry notes.</param>
    /// <param name="handler">HTTP handler; tests may inject one. Default: <see cref="DailyPapersClient.CreateHandler"/>.</param>
    public ListingFetcher(FetchOptions options, TimeProvider clock, Random random, TextWriter output, HttpMessageHandler? handler = null)
    {
        this.options = options;
        this.clock = clock;
        this.output = output;
        retry = new RetryPolicy(options, random);
        client = new DailyPapersClient(options, handler);
        politeDelay = options.DelayBetweenRequests;
    }

    public async Task<FetchReport> FetchAsync(string listingsDir, DateRange? range = null, CancellationToken cancellationToken = default)
    {
        var store = new ListingStore(listingsDir);
        using var hold = store.TryLock();
        if (hold is null)
        {
            return new FetchReport([], [], $"another fetch is running on {store.ListingsDir} (lock {store.LockPath})");
        }
        var notes = new List<string>();
        var removed = store.RemoveStaleTempFiles(clock.GetUtcNow(), StaleTempAge);
        if (removed > 0)
        {
            notes.Add($"removed {removed} temp file(s) left by an interrupted run");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var state = store.ReadState();
        var plan = FetchPlan.Create(range, store.ListedDayFiles().Keys, state, today, options.RecheckLastListedDays);
        notes.AddRange(plan.Notes);
        foreach (var note in notes)
        {
            output.WriteLine(note);
        }
        if (plan.Days.Count == 0)
        {
            output.WriteLine("nothing to fetch");
        }

        var results = new List<DayResult>();
        foreach (var day in plan.Days)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await FetchDayAsync(store, day, cancellationToken).ConfigureAwait(false);
            state = result.Outcome switch
            {
                DayOutcome.Empty => state.WithEmpty(day),
                DayOutcome.Failed => result.ListingPath is null ? state.WithFailed(day) : state,
                _ => state.WithListed(day),
            };
            // Saved after every day, so a run killed later keeps what it learned.
            store.WriteState(state);
            results.Add(result);
            output.WriteLine(result.ToString());
        }
        return new FetchReport(results, notes);
    }

    private async Task<DayResult> FetchDayAsync(ListingStore store, DateOnly day, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var setAside = new List<string>();
        for (var attempt = 1; ; attempt++)
        {
            await PoliteWaitAsync(cancellationToken).ConfigureAwait(false);
            var response = await client.GetAsync(day, cancellationToken).ConfigureAwait(false);
            lastRequestEnded = clock.GetTimestamp();
            var received = clock.GetUtcNow();

            string problem;
            TimeSpan? serverWait = null;
            var transient = true;
            if (response.Error is not null)
            {
                problem = response.Error;
            }
            else if ((int)response.Status!.Value is < 200 or > 299)
            {
                problem = response.Describe();
                transient = RetryPolicy.IsTransient(response.Status.Value);
                serverWait = RetryPolicy.RetryAfter(response.RetryAfter, received);
                if (response.Status == System.Net.HttpStatusCode.TooManyRequests)
                {
                    // Told to slow down: space out the rest of this run more (up to MaxBackoff).
                    var doubled = TimeSpan.FromTicks(Math.Max(politeDelay.Ticks * 2, TimeSpan.TicksPerSecond));
                    var capped = doubled < options.MaxBackoff ? doubled : options.MaxBackoff;
                    politeDelay = capped > options.DelayBetweenRequests ? capped : options.DelayBetweenRequests;
                }
            }
            else
            {
                var body = response.Body ?? [];
                var check = ListingValidator.Check(body, $"{Day(day)}.json");
                if (check.IsValid)
                {
                    return Decide(store, day, body, check, received, attempt, setAside);
                }
                problem = check.Problem!;
                var kept = store.SetAside(day, received, attempt, check.Reason, body);
                setAside.Add(kept);
                output.WriteLine($"{Day(day)}: {problem}; response set aside as {store.Relative(kept)}");
            }

            if (!transient)
            {
                return Failed(day, attempt, problem + " (not retried)", setAside, store);
            }
            if (attempt >= options.MaxAttempts)
            {
                return Failed(day, attempt, problem, setAside, store);
            }
            // Never sooner than the server asks, nor sooner than our own backoff.
            var backoff = retry.Backoff(attempt + 1);
            var serverRules = serverWait > backoff;
            var wait = serverRules ? serverWait!.Value : backoff;
            var elapsed = clock.GetElapsedTime(started);
            if (elapsed + wait > options.MaxTimePerDay)
            {
                return Failed(day, attempt, $"{problem} (waiting {Seconds(wait)} more would exceed the {Seconds(options.MaxTimePerDay)} limit per day)", setAside, store);
            }
            output.WriteLine($"{Day(day)}: {problem}; retrying in {Seconds(wait)}{(serverRules ? " as Retry-After asks" : "")} (attempt {attempt + 1} of {options.MaxAttempts})");
            await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
            // The backoff already spaced the requests out.
            lastRequestEnded = null;
        }
    }

    private DayResult Decide(ListingStore store, DateOnly day, byte[] body, ListingCheck check, DateTimeOffset received, int attempt, List<string> setAside)
    {
        var existing = store.FindListing(day);
        if (existing is null)
        {
            if (check.IsEmpty)
            {
                return new DayResult(day, DayOutcome.Empty, $"no papers listed; recorded as empty in {ListingStore.SourceFolder}/{ListingStore.StateFileName}", attempt, null, setAside);
            }
            var saved = store.SaveListing(day, body);
            return new DayResult(day, DayOutcome.Saved, $"saved {Papers(check)} to {store.Relative(saved)}", attempt, saved, setAside);
        }

        var old = File.ReadAllBytes(existing);
        if (old.AsSpan().SequenceEqual(body))
        {
            return new DayResult(day, DayOutcome.Unchanged, $"unchanged ({Papers(check)})", attempt, existing, setAside);
        }
        var comparison = ListingComparison.Compare(ListingValidator.Check(old, Path.GetFileName(existing)), check);
        switch (comparison.Verdict)
        {
            case ListingVerdict.Replace:
                if (comparison.Reason == "replaced-unreadable")
                {
                    setAside.Add(store.SetAside(day, received, 0, comparison.Reason, old));
                }
                store.SaveListing(day, body);
                return new DayResult(day, DayOutcome.Updated, comparison.Message, attempt, existing, setAside);
            case ListingVerdict.KeepAndSetAside:
                var kept = store.SetAside(day, received, attempt, comparison.Reason, body);
                setAside.Add(kept);
                return new DayResult(day, DayOutcome.KeptExisting, $"{comparison.Message}; response set aside as {store.Relative(kept)}", attempt, existing, setAside);
            default:
                var outcome = check.IsEmpty ? DayOutcome.KeptExisting : DayOutcome.Unchanged;
                return new DayResult(day, outcome, comparison.Message, attempt, existing, setAside);
        }
    }

    private static DayResult Failed(DateOnly day, int attempts, string problem, List<string> setAside, ListingStore store)
    {
        var aside = setAside.Count == 0 ? "" : $"; {setAside.Count} response(s) set aside in {ListingStore.RejectedFolder}/";
        var tries = attempts == 1 ? "1 attempt" : $"{attempts} attempts";
        return new DayResult(day, DayOutcome.Failed, $"failed after {tries}: {problem}{aside}", attempts, store.FindListing(day), setAside);
    }

    private async Task PoliteWaitAsync(CancellationToken cancellationToken)
    {
        if (lastRequestEnded is long ended)
        {
            var remaining = politeDelay - clock.GetElapsedTime(ended);
            if (remaining > TimeSpan.Zero)
            {
                await Task.Delay(remaining, clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static string Papers(ListingCheck check) => check.PaperIds.Count == 1 ? "1 paper" : $"{check.PaperIds.Count} papers";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    public void Dispose() => client.Dispose();
}
