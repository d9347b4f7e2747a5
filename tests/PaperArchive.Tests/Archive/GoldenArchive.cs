using PaperArchive.Model;

namespace PaperArchive.Tests.Archive;

/// <summary>The hand-built archive behind the golden files: every field used, and text that trips naive writers.</summary>
internal static class GoldenArchive
{
    public static ArchiveModel Model { get; } = Build();

    private static ArchiveModel Build()
    {
        var full = new Paper
        {
            Id = "2406.01234",
            ArxivId = "2406.01234",
            Title = "*Sparse* Attention_for_{All}: $O(n)$ <Transformers> & [More] | #1",
            Abstract = "We study `code`, **bold** and <tag>html</tag> in abstracts; costs are $O(n^2)$ and {x: 1}.\n\n" +
                       "1. This line is not a list.\n- Neither is this.\n> Nor a quote.\nSee [the repo](https://example.org) :rocket:",
            Authors = ValueList.Of(new Author("Ada Lovelace", "ada"), new Author("Jürgen Schmidhuber"), new Author("李雷"),
                new Author("O'Brien, Pat"), new Author("Zoë *Star*"), new Author("Sixth Author")),
            AuthorCount = 6,
            Organization = "NVIDIA",
            OrganizationHandle = "nvidia",
            PublishedOn = new DateOnly(2024, 6, 1),
            ListedOn = ValueList.Of(new DateOnly(2024, 6, 3), new DateOnly(2024, 6, 4)),
            Snapshots = ValueList.Of(new CountSnapshot(new DateOnly(2024, 6, 3), 12, 1), new CountSnapshot(new DateOnly(2024, 6, 4), 40, 3)),
            SubmittedBy = "akhaliq",
            AiSummary = "A sparse attention method with _linear_ cost.",
            AiKeywords = ValueList.Of("sparse attention", "Sparse Attention", "O(n)", "yes"),
            GithubRepo = "https://github.com/example/sparse",
            GithubStars = 1234,
            ProjectPage = "https://example.org/sparse (demo)",
            Thumbnail = "https://cdn.example.org/thumb.png",
            MediaUrls = ValueList.Of("https://cdn.example.org/video.mp4"),
        };
        var textCopy = new Paper
        {
            Id = "t-0123456789ab",
            Title = "\"Quoted\" — שלום עולם 👨‍👩‍👧 and e\u0301 combining",
            Abstract = "  Leading and trailing spaces kept in the data.  ",
            AuthorCount = 7,
            Organization = "Université de Montréal",
            PublishedOn = new DateOnly(2025, 10, 27),
            Snapshots = ValueList.Of(new CountSnapshot(new DateOnly(2026, 1, 29), null, 4)),
        };
        var yes = new Paper
        {
            Id = "2401.00001",
            ArxivId = "2401.00001",
            Title = "yes",
            Abstract = "null\0control\u0007chars\tand key: value # not a comment\n# not a heading\n    not code\n===",
            Authors = ValueList.Of(new Author("~"), new Author("2401.00001")),
            ListedOn = ValueList.Of(new DateOnly(2024, 6, 3)),
            Snapshots = ValueList.Of(new CountSnapshot(new DateOnly(2024, 6, 3), 0, 0)),
            AiKeywords = ValueList.Of("", " padded "),
        };
        var old = new Paper
        {
            Id = "hep-th/9901001",
            ArxivId = "hep-th/9901001",
            Title = "An Old-Style Identifier",
            ListedOn = ValueList.Of(new DateOnly(2024, 6, 4)),
        };
        return new ArchiveModel(
            ValueList.Of(yes, full, old, textCopy),
            ValueList.Of(
                new DayListing(new DateOnly(2024, 6, 3), ValueList.Of("2406.01234", "2401.00001")),
                new DayListing(new DateOnly(2024, 6, 4), ValueList.Of("hep-th/9901001", "2406.01234", "2406.99999"))));
    }
}
