namespace PaperArchive.Rendering.Model;

/// <summary>One upvote snapshot of a paper: its date, count, and position in the history chart (SVG units, invariant text).</summary>
public sealed record HistoryPointModel(DateModel Date, int Upvotes, string X, string Y);
