using PaperArchive.Fetch;
using static PaperArchive.Tests.Fetch.FetchWorkspace;

namespace PaperArchive.Tests.Fetch;

public sealed class FetchPlanTests
{
    private static readonly DateOnly Today = Day("2026-07-07");

    private static string[] Plan(DateRange? asked, string[] listed, string[] empty) =>
        FetchPlan.Create(asked, listed.Select(Day), new FetchState([.. empty.Select(Day)], []), Today, recheck: 2).Days.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void Nothing_archived_fetches_the_last_two_days_and_says_how_to_backfill()
    {
        var plan = FetchPlan.Create(null, [], FetchState.None, Today, 2);

        Assert.Equal([Day("2026-07-06"), Day("2026-07-07")], plan.Days);
        Assert.Contains("--from/--to", Assert.Single(plan.Notes));
    }

    [Fact]
    public void Up_to_date_archive_rechecks_only_the_last_two_listed_days() =>
        Assert.Equal(["2026-07-06", "2026-07-07"], Plan(null, ["2026-07-02", "2026-07-03", "2026-07-06", "2026-07-07"], []));

    [Fact]
    public void Gap_since_the_last_day_is_filled() =>
        Assert.Equal(["2026-07-01", "2026-07-02", "2026-07-03", "2026-07-04", "2026-07-05", "2026-07-06", "2026-07-07"], Plan(null, ["2026-06-29", "2026-07-01", "2026-07-02"], []));

    [Fact]
    public void Empty_days_are_not_fetched_again_except_yesterday_and_today() =>
        Assert.Equal(["2026-07-02", "2026-07-03", "2026-07-06", "2026-07-07"], Plan(null, ["2026-07-01", "2026-07-02", "2026-07-03"], ["2026-07-04", "2026-07-05", "2026-07-06", "2026-07-07"]));

    [Fact]
    public void Asked_range_is_fetched_whole_even_empty_days() =>
        Assert.Equal(["2026-07-03", "2026-07-04", "2026-07-05"], Plan(new DateRange(Day("2026-07-03"), Day("2026-07-05")), ["2026-07-03"], ["2026-07-04"]));

    [Fact]
    public void Never_fetches_after_today()
    {
        var plan = FetchPlan.Create(new DateRange(Day("2026-07-07"), Day("2026-07-09")), [], FetchState.None, Today, 2);

        Assert.Equal([Today], plan.Days);
        Assert.Single(plan.Notes);
    }

    [Fact]
    public void Days_that_failed_before_are_retried_even_after_newer_days_succeeded()
    {
        var state = new FetchState([], [Day("2026-06-20"), Day("2026-07-09")]);

        var plan = FetchPlan.Create(null, [Day("2026-07-06"), Day("2026-07-07")], state, Today, 2);

        Assert.Equal([Day("2026-06-20"), Day("2026-07-06"), Day("2026-07-07")], plan.Days);
        Assert.Contains("retrying 1 day(s) that failed before", plan.Notes);
    }
}
