namespace PaperArchive.Tests.Ingest;

/// <summary>Finds <c>tests/fixtures/</c> and the test sources by walking up to the folder holding PaperArchive.sln.</summary>
internal static class IngestFixtures
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Fixtures => Path.Combine(RepoRoot, "tests", "fixtures");

    public static string Path_(params string[] parts) => Path.Combine([Fixtures, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(Path_(parts));

    public const string Seed = "seeds/000_b67c35e6703752eb.txt";
    public const string TextCopy = "hf-text/papers-search-text-copy.txt";
    public const string MarkdownCopy = "hf-text/papers-search-markdown-copy.md";
    public const string ListingHtml = "hf-html/papers-listing-2024-08-01.html";
    public const string PaperHtml = "hf-html/paper-page-2509.24002.prettified.html";

    public static string Text(string relative) => File.ReadAllText(Path.Combine(Fixtures, relative));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PaperArchive.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("PaperArchive.sln not found above " + AppContext.BaseDirectory);
    }
}
