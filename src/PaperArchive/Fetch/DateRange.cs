namespace PaperArchive.Fetch;

/// <summary>An inclusive range of listing days asked for on the command line.</summary>
public sealed record DateRange(DateOnly From, DateOnly To)
{
    public static DateRange Single(DateOnly day) => new(day, day);

    public IEnumerable<DateOnly> Days()
    {
        for (var d = From; d <= To; d = d.AddDays(1))
        {
            yield return d;
        }
    }
}
