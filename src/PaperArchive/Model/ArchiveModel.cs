namespace PaperArchive.Model;

/// <summary>
/// The whole archive: every paper (sorted by <see cref="Paper.Id"/>, ordinal) and every listing day
/// (ascending). This is what the Markdown archive stores and what the renderer reads.
/// </summary>
public sealed record ArchiveModel(ValueList<Paper> Papers, ValueList<DayListing> Days)
{
    public static readonly ArchiveModel Empty = new(ValueList<Paper>.Empty, ValueList<DayListing>.Empty);
}
