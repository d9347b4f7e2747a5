using PaperArchive.Model;

namespace PaperArchive.Search;

/// <summary>Writes the static, sharded search index into the site. TODO(search): not implemented yet.</summary>
public static class SearchIndexWriter
{
    /// <summary>Writes under <paramref name="siteDir"/>/search/ and returns the files written (site-relative, '/'-separated).</summary>
    public static IReadOnlyList<string> Write(ArchiveModel archive, ArchiveAnalysis analysis, string siteDir) => [];
}
