namespace PaperArchive.Model;

/// <summary>
/// Upvotes and comments as one source saw them on <paramref name="Date"/> (the listing day or the day
/// of the copy). Counts only grow, so later snapshots of the same paper carry larger numbers.
/// A null count means the source did not carry it (the seed's text copy has comments but no upvotes).
/// </summary>
public sealed record CountSnapshot(DateOnly Date, int? Upvotes, int? Comments);
