using PaperArchive.Archive;
using PaperArchive.Model;

namespace PaperArchive.Tests.Reader;

/// <summary>
/// The real fixtures that carry two count snapshots of the same papers: the API listing of
/// 2024-08-01 and the <c>/papers</c> page saved later (hf-html/papers-listing-2024-08-01.html), imported
/// through the real importer into a temp archive. 2407.21475 goes from 3 upvotes (1 Aug) to 5 (9 Aug).
/// </summary>
public static class SnapshotFixtureArchive
{
    public const string PaperId = "2407.21475";

    public static ArchiveModel Import(string root)
    {
        var listings = Path.Combine(root, "input", "listings");
        Directory.CreateDirectory(listings);
        File.Copy(Path.Combine(TestPaths.Fixtures, "hf-api", "2024-08-01.json"), Path.Combine(listings, "2024-08-01.json"));
        File.Copy(Path.Combine(TestPaths.Fixtures, "hf-html", "papers-listing-2024-08-01.html"), Path.Combine(listings, "papers-listing-2024-08-01.html"));
        var report = ArchiveImporter.Import(new ImportOptions(Path.Combine(root, "input"), Path.Combine(root, "archive")));
        return report.Archive;
    }
}
