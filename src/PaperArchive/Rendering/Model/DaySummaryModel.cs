namespace PaperArchive.Rendering.Model;

/// <summary>A listed day with its paper count (week pages).</summary>
public sealed record DaySummaryModel(DateModel Date, int Count);
