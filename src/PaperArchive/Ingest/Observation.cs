using PaperArchive.Model;

namespace PaperArchive.Ingest;

/// <summary>
/// One paper as one source saw it. <see cref="Paper"/> holds only what that source carried:
/// <see cref="Paper.ListedOn"/> has the listing day (empty for a copied search listing) and
/// <see cref="Paper.Snapshots"/> at most one snapshot. <see cref="Item"/> is where in the file
/// ("item 3", "line 12") for messages.
/// </summary>
public sealed record Observation(Paper Paper, SourceKind Kind, string File, string Item);
