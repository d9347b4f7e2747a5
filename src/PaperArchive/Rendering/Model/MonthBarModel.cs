namespace PaperArchive.Rendering.Model;

/// <summary>One month of a <see cref="TopicChartModel"/>: <c>label</c> "Jul 2026", <c>month</c> "2026-07", the count and the bar's rectangle.</summary>
public sealed record MonthBarModel(string Label, string Month, int Count, int X, int Y, int Width, int Height);
