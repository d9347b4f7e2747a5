namespace PaperArchive.Model;

/// <summary>One daily listing: the papers on the list that day, in the order the source gave them.</summary>
public sealed record DayListing(DateOnly Date, ValueList<string> PaperIds);
