using PaperArchive.Ingest.Text;

namespace PaperArchive.Tests.Ingest.Text;

/// <summary>The year rules for year-less dates, one test per rule (see <see cref="CopyDateResolver"/>).</summary>
public class CopyDateResolverTests
{
    private static PartialDate D(string text)
    {
        Assert.True(PartialDate.TryParseExact(text, out var d), text);
        return d;
    }

    private static DateOnly? Copy(string heading, DateOnly? saved = null, DateOnly[]? nav = null, params string[] papers) =>
        CopyDateResolver.ResolveCopyDay(D(heading), saved, nav ?? [], papers.Select(D));

    [Fact]
    public void A_heading_with_a_year_is_taken_as_is() =>
        Assert.Equal(new DateOnly(2024, 1, 29), Copy("Jan 29, 2024", new DateOnly(2026, 1, 1), null, "Dec 22, 2025"));

    [Theory]
    [InlineData("Mar 25", "2026-07-28", "2026-03-25")] // the text export: exported long after the copy
    [InlineData("Oct 2", "2026-10-02", "2026-10-02")]  // the Markdown scrape: retrieved the same day
    [InlineData("Dec 30", "2026-01-02", "2025-12-30")] // saved just after New Year
    [InlineData("Feb 29", "2026-03-01", "2024-02-29")] // the latest Feb 29 not after the save day
    public void The_save_date_bounds_the_copy_day(string heading, string saved, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Copy(heading, DateOnly.Parse(saved, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_save_date_wins_over_the_papers() =>
        Assert.Equal(new DateOnly(2027, 1, 29), Copy("Jan 29", new DateOnly(2027, 3, 1), null, "Dec 22, 2025"));

    [Fact]
    public void Day_navigation_fixes_the_year_across_new_year() =>
        Assert.Equal(new DateOnly(2026, 1, 1), Copy("Jan 1", null, [new DateOnly(2025, 12, 31)]));

    [Fact]
    public void Far_navigation_dates_are_no_evidence() =>
        Assert.Null(Copy("Jan 1", null, [new DateOnly(2025, 6, 1)]));

    [Theory]
    [InlineData("Jan 29", "2026-01-29")] // the seed: latest paper Dec 22, 2025
    [InlineData("Nov 25", "2026-11-25")] // after the latest paper's month-day: still the next year, the page printed 2025
    public void Papers_with_printed_years_are_from_before_the_copy_year(string heading, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Copy(heading, null, null, "Oct 27, 2025", "Dec 22, 2025", "Apr 28, 2023"));

    [Fact]
    public void No_evidence_leaves_the_copy_day_unknown() =>
        Assert.Null(Copy("Jan 29", null, null, "May 29"));

    [Fact]
    public void Without_a_heading_the_save_day_is_the_copy_day() =>
        Assert.Equal(new DateOnly(2026, 5, 1), CopyDateResolver.ResolveCopyDay(null, new DateOnly(2026, 5, 1), [], []));

    [Theory]
    [InlineData("May 29", "2026-10-02", "2026-05-29")]
    [InlineData("Jan 2", "2026-01-01", "2026-01-02")]   // a day after the copy: time zones, same year
    [InlineData("Dec 31", "2026-01-01", "2025-12-31")]  // would be in the future: the year before
    [InlineData("Oct 27, 2025", "2026-01-29", "2025-10-27")]
    public void Paper_dates_resolve_against_the_copy_day(string date, string copy, string expected) =>
        Assert.Equal(
            DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            CopyDateResolver.ResolvePaperDate(D(date), DateOnly.Parse(copy, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_yearless_paper_date_without_a_copy_day_is_unknown() =>
        Assert.Null(CopyDateResolver.ResolvePaperDate(D("May 29"), null));

    [Theory]
    [InlineData("Sept 3, 2024", 9, 3, 2024)]
    [InlineData("September 3", 9, 3, null)]
    [InlineData("Feb 29", 2, 29, null)]
    public void Dates_parse(string text, int month, int day, int? year) =>
        Assert.Equal(new PartialDate(month, day, year), D(text));

    [Theory]
    [InlineData("Feb 30")]
    [InlineData("Foo 3")]
    [InlineData("Mayday 3")]
    [InlineData("Jan 29 2")]
    public void Non_dates_do_not_parse(string text) => Assert.False(PartialDate.TryParseExact(text, out _));

    [Fact]
    public void The_seed_renamed_with_a_save_date_uses_it()
    {
        var r = new PageTextFormat().Read(IngestFixtures.Text(IngestFixtures.Seed), "copies/seed-2027-03-01.txt");
        Assert.Equal(new DateOnly(2027, 1, 29), r.ListingDate);
        Assert.Equal(new DateOnly(2025, 10, 27), r.Observations[0].Paper.PublishedOn);
    }
}
