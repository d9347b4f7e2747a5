using PaperArchive.Model;

namespace PaperArchive.Ingest;

/// <summary>
/// Merges observations from every file into the existing archive: one record per paper, listing days
/// accumulate, the newest count snapshot wins, richer sources fill what poorer ones lack, conflicts
/// resolved deterministically and reported. A paper already archived is never dropped.
/// TODO(ingest): not implemented yet.
/// </summary>
public static class PaperMerger
{
    public static MergeResult Merge(ArchiveModel existing, IEnumerable<ListingReadResult> results) =>
        throw new NotImplementedException();
}
