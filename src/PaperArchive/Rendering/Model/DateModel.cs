namespace PaperArchive.Rendering.Model;

/// <summary>
/// A calendar date: <see cref="Iso"/> "2026-07-01", <see cref="Display"/> "1 Jul 2026",
/// <see cref="Long"/> "Wednesday, 1 July 2026"; <see cref="Url"/> is the day page when the day was
/// listed, else null.
/// </summary>
public sealed record DateModel(string Iso, string Display, string Long, string? Url);
