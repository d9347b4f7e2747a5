using System.CommandLine;
using System.Globalization;
using PaperArchive.Fetch;

namespace PaperArchive.Cli.Commands;

/// <summary>
/// `paperarchive fetch`: downloads daily listings from the Hugging Face API into input/listings/.
/// Exit code 0 when every day was fetched or there was nothing new, 1 when a day failed (one line
/// per failed day on stderr), 2 for bad arguments.
/// </summary>
public static class FetchCommand
{
    /// <param name="clock">"Today" and the waits; tests inject a fixed clock.</param>
    /// <param name="handler">HTTP handler; tests may inject one.</param>
    public static Command Create(TimeProvider? clock = null, HttpMessageHandler? handler = null)
    {
        var input = new Option<string>("--input") { Description = "Input folder; listings are saved under DIR/listings/", DefaultValueFactory = _ => "input", HelpName = "DIR" };
        var date = new Option<string?>("--date") { Description = "Fetch this one day (YYYY-MM-DD)", HelpName = "D" };
        var from = new Option<string?>("--from") { Description = "Fetch from this day (YYYY-MM-DD; with --to, default today)", HelpName = "D" };
        var to = new Option<string?>("--to") { Description = "Fetch up to this day (YYYY-MM-DD, inclusive)", HelpName = "D" };
        var baseUrl = new Option<string>("--base-url") { Description = "API base URL", DefaultValueFactory = _ => FetchOptions.DefaultBaseAddress.ToString().TrimEnd('/'), HelpName = "URL" };
        var delay = new Option<double>("--delay") { Description = "Seconds between requests", DefaultValueFactory = _ => 1.0, HelpName = "SECONDS" };
        var timeout = new Option<double>("--timeout") { Description = "Seconds one request may take", DefaultValueFactory = _ => 30.0, HelpName = "SECONDS" };
        var attempts = new Option<int>("--max-attempts") { Description = "Attempts per day before giving up", DefaultValueFactory = _ => 5, HelpName = "N" };
        var backoff = new Option<double>("--backoff") { Description = "Seconds before the first retry (doubles each retry)", DefaultValueFactory = _ => 2.0, HelpName = "SECONDS" };

        var command = new Command("fetch", "Download daily listings (Hugging Face daily papers API) into input/listings/. Without dates: every day since the last archived one, re-checking the last two.");
        foreach (var option in new Option[] { input, date, from, to, baseUrl, delay, timeout, attempts, backoff })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            var time = clock ?? TimeProvider.System;

            if (!TryRange(parseResult.GetValue(date), parseResult.GetValue(from), parseResult.GetValue(to), time, out var range, out var rangeError))
            {
                stderr.WriteLine($"paperarchive fetch: {rangeError}");
                return 2;
            }
            var baseText = parseResult.GetValue(baseUrl)!;
            if (!Uri.TryCreate(baseText.EndsWith('/') ? baseText : baseText + "/", UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps))
            {
                stderr.WriteLine($"paperarchive fetch: --base-url must be an http(s) URL, got '{baseText}'");
                return 2;
            }
            var delaySeconds = parseResult.GetValue(delay);
            var timeoutSeconds = parseResult.GetValue(timeout);
            var maxAttempts = parseResult.GetValue(attempts);
            var backoffSeconds = parseResult.GetValue(backoff);
            if (delaySeconds < 0 || timeoutSeconds <= 0 || maxAttempts < 1 || backoffSeconds < 0)
            {
                stderr.WriteLine("paperarchive fetch: --delay and --backoff must be >= 0, --timeout > 0, --max-attempts >= 1");
                return 2;
            }
            var options = new FetchOptions
            {
                BaseAddress = baseUri,
                UserAgent = FetchOptions.BuildUserAgent(Environment.GetEnvironmentVariable("GITHUB_REPOSITORY")),
                DelayBetweenRequests = TimeSpan.FromSeconds(delaySeconds),
                RequestTimeout = TimeSpan.FromSeconds(timeoutSeconds),
                MaxAttempts = maxAttempts,
                InitialBackoff = TimeSpan.FromSeconds(backoffSeconds),
            };

            var listings = Path.Combine(parseResult.GetValue(input)!, "listings");
            using var fetcher = new ListingFetcher(options, time, new Random(), stdout, handler);
            FetchReport report;
            try
            {
                report = await fetcher.FetchAsync(listings, range, cancellationToken);
            }
            catch (IOException ex)
            {
                stderr.WriteLine($"paperarchive fetch: cannot write under {listings}: {ex.Message}");
                return 1;
            }
            catch (UnauthorizedAccessException ex)
            {
                stderr.WriteLine($"paperarchive fetch: cannot write under {listings}: {ex.Message}");
                return 1;
            }
            if (report.Error is not null)
            {
                stderr.WriteLine($"paperarchive fetch: {report.Error}");
            }
            foreach (var failed in report.Failed)
            {
                stderr.WriteLine(failed.ToString());
            }
            var counts = report.Days.GroupBy(d => d.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
            stdout.WriteLine($"fetch: {report.Days.Count} day(s): {string.Join(", ", counts.DefaultIfEmpty("nothing new"))}");
            return report.ExitCode;
        });
        return command;
    }

    private static bool TryRange(string? date, string? from, string? to, TimeProvider clock, out DateRange? range, out string error)
    {
        range = null;
        error = "";
        if (date is not null && (from is not null || to is not null))
        {
            error = "use either --date or --from/--to, not both";
            return false;
        }
        if (date is not null)
        {
            if (!TryDay(date, "--date", out var day, out error))
            {
                return false;
            }
            range = DateRange.Single(day);
            return true;
        }
        if (from is null && to is null)
        {
            return true;
        }
        if (from is null)
        {
            error = "--to needs --from";
            return false;
        }
        if (!TryDay(from, "--from", out var start, out error))
        {
            return false;
        }
        var end = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (to is not null && !TryDay(to, "--to", out end, out error))
        {
            return false;
        }
        if (end < start)
        {
            error = $"--from {from} is after --to {end:yyyy-MM-dd}";
            return false;
        }
        range = new DateRange(start, end);
        return true;
    }

    private static bool TryDay(string text, string option, out DateOnly day, out string error)
    {
        error = "";
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return true;
        }
        error = $"{option} expects a date as YYYY-MM-DD, got '{text}'";
        return false;
    }
}
