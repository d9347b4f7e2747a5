namespace PaperArchive.Rendering.Model;

/// <summary>
/// A month as a calendar grid: <see cref="Weeks"/> are rows of 7 cells, Monday first.
/// <see cref="Url"/> is the month page; <see cref="Count"/> the papers listed that month
/// (a paper listed twice counts twice), <see cref="Days"/> the listed days.
/// </summary>
public sealed record CalendarMonthModel(int Year, int Month, string Title, string Url, int Count, int Days, CalendarCellModel[][] Weeks);
