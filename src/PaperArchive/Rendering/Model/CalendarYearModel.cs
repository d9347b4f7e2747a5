namespace PaperArchive.Rendering.Model;

/// <summary>A year of the archive calendar, months ascending.</summary>
public sealed record CalendarYearModel(int Year, int Count, CalendarMonthModel[] Months);
