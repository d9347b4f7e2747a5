using PaperArchive.Model;

namespace PaperArchive.Tests.Rendering;

/// <summary>A small archive covering every page kind: three days over two months, authors shared across papers, an organisation, a text-only paper.</summary>
public static class SampleArchive
{
    public static readonly DateOnly Day1 = new(2026, 6, 30);
    public static readonly DateOnly Day2 = new(2026, 7, 1);
    public static readonly DateOnly Day3 = new(2026, 7, 2);

    public static ArchiveModel Create(string? hostileTitle = null)
    {
        var papers = new List<Paper>
        {
            new()
            {
                Id = "2606.11111",
                ArxivId = "2606.11111",
                Title = hostileTitle ?? "Sparse Attention for Long Context Reasoning",
                Abstract = "We study sparse attention.\n\nIt works well on long contexts.",
                Authors = ValueList.Of(new Author("Ada Lovelace", "ada"), new Author("Alan Turing")),
                Organization = "NVIDIA",
                OrganizationHandle = "nvidia",
                PublishedOn = new DateOnly(2026, 6, 28),
                ListedOn = ValueList.Of(Day1, Day2),
                Snapshots = ValueList.Of(new CountSnapshot(Day1, 12, 1), new CountSnapshot(Day2, 40, 3)),
                SubmittedBy = "akhaliq",
                AiSummary = "Sparse attention makes long-context reasoning cheaper.",
                AiKeywords = ValueList.Of("sparse attention", "long context"),
                GithubRepo = "https://github.com/example/sparse",
                GithubStars = 120,
                ProjectPage = "javascript:alert(1)",
                Thumbnail = "https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2606.11111.png",
            },
            new()
            {
                Id = "2606.22222",
                ArxivId = "2606.22222",
                Title = "A Benchmark for Agents",
                Abstract = "A new agent benchmark.",
                Authors = ValueList.Of(new Author("Alan Turing"), new Author("Grace Hopper")),
                PublishedOn = new DateOnly(2026, 6, 29),
                ListedOn = ValueList.Of(Day1),
                Snapshots = ValueList.Of(new CountSnapshot(Day1, 25, null)),
            },
            new()
            {
                Id = "2607.00001",
                ArxivId = "2607.00001",
                Title = "Diffusion Models Without Noise",
                Abstract = "Noise is optional.",
                Authors = ValueList.Of(new Author("Grace Hopper"), new Author("Grace  Hopper.")),
                Organization = "Example Lab",
                PublishedOn = new DateOnly(2026, 6, 30),
                ListedOn = ValueList.Of(Day3),
                Snapshots = ValueList.Of(new CountSnapshot(Day3, 7, 0)),
                ProjectPage = "https://example.org/diffusion",
            },
            new()
            {
                Id = PaperId.FromTitle("A Paper Only Known From A Copy"),
                Title = "A Paper Only Known From A Copy",
                Abstract = "Known from a text copy.",
                AuthorCount = 5,
                PublishedOn = new DateOnly(2026, 6, 15),
                Snapshots = ValueList.Of(new CountSnapshot(Day3, null, 2)),
            },
        };
        var days = new List<DayListing>
        {
            new(Day1, ValueList.Of("2606.11111", "2606.22222")),
            new(Day2, ValueList.Of("2606.11111")),
            new(Day3, ValueList.Of("2607.00001")),
        };
        return new ArchiveModel(papers.OrderBy(p => p.Id, StringComparer.Ordinal).ToValueList(), days.ToValueList());
    }

    /// <summary>An analysis with a topic, a keyword page and similar papers.</summary>
    public static ArchiveAnalysis Analysis() => new(
        ValueList.Of(new Topic("attention", "Attention", "Attention mechanisms", "attention")),
        new Dictionary<string, PaperAnalysis>
        {
            ["2606.11111"] = new("2606.11111", ValueList.Of("attention"), ValueList.Of("sparse attention", "long context"), ValueList.Of("2606.22222")),
        },
        new Dictionary<string, string> { ["sparse attention"] = "sparse-attention" });
}
