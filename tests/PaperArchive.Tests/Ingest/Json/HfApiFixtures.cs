using PaperArchive.Ingest;

namespace PaperArchive.Tests.Ingest.Json;

/// <summary>The raw API fixtures in <c>tests/fixtures/hf-api/</c>, found by walking up to the folder holding <c>PaperArchive.sln</c>.</summary>
internal static class HfApiFixtures
{
    private static readonly Lazy<string> RootDir = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PaperArchive.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("PaperArchive.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Dir => Path.Combine(RootDir.Value, "tests", "fixtures", "hf-api");

    public static string PathOf(string name) => Path.Combine(Dir, name);

    public static IReadOnlyList<string> All =>
        Directory.GetFiles(Dir, "*.json").Order(StringComparer.Ordinal).ToList();

    public static ListingReadResult Read(string name) => ListingReader.Read(PathOf(name));

    public static IReadOnlyList<ListingReadResult> ReadAll() => All.Select(ListingReader.Read).ToList();
}
