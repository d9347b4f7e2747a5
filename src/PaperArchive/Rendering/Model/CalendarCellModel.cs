namespace PaperArchive.Rendering.Model;

/// <summary>One cell of a month grid: <see cref="Day"/> is 0 for the padding cells before the 1st and after the last day.</summary>
public sealed record CalendarCellModel(int Day, string? Iso, int Count, string? Url);
