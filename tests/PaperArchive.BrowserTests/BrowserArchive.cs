using PaperArchive.Model;

namespace PaperArchive.BrowserTests;

/// <summary>A deterministic archive big enough to browse: 6 listing days over two weeks, 6 papers a day, shared authors.</summary>
public static class BrowserArchive
{
    private static readonly string[] Names =
    [
        "Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra", "Barbara Liskov", "Donald Knuth",
        "Frances Allen", "John McCarthy", "Margaret Hamilton", "Claude Shannon", "Katherine Johnson", "Tim Berners-Lee",
    ];

    private static readonly string[] Words =
    [
        "Sparse", "Attention", "Diffusion", "Agents", "Reasoning", "Long-Context", "Vision", "Language", "Models",
        "Benchmark", "Scaling", "Retrieval", "Reinforcement", "Learning", "Efficient", "Multimodal",
    ];

    public static ArchiveModel Create()
    {
        var days = new[] { new DateOnly(2026, 6, 29), new DateOnly(2026, 6, 30), new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 2), new DateOnly(2026, 7, 3), new DateOnly(2026, 7, 6) };
        var papers = new List<Paper>();
        var listings = new List<DayListing>();
        var n = 0;
        foreach (var day in days)
        {
            var ids = new List<string>();
            for (var i = 0; i < 6; i++, n++)
            {
                var id = $"2607.{10000 + n}";
                var title = $"{Words[n % Words.Length]} {Words[(n * 7 + 3) % Words.Length]} for {Words[(n * 5 + 1) % Words.Length]} {Words[(n * 3 + 2) % Words.Length]}";
                papers.Add(new Paper
                {
                    Id = id,
                    ArxivId = id,
                    Title = title,
                    Abstract = $"We present {title.ToLowerInvariant()}. Our method improves over strong baselines on standard benchmarks while using a fraction of the compute.\n\nCode and models are released.",
                    Authors = Enumerable.Range(0, 2 + n % 4).Select(k => new Author(Names[(n + k * 5) % Names.Length])).ToValueList(),
                    Organization = n % 3 == 0 ? "Example Lab" : null,
                    OrganizationHandle = n % 3 == 0 ? "example-lab" : null,
                    PublishedOn = day.AddDays(-2),
                    ListedOn = ValueList.Of(day),
                    Snapshots = ValueList.Of(new CountSnapshot(day, (n * 37) % 90 + 3, n % 5)),
                    AiSummary = $"A short summary of paper {n + 1}: {title.ToLowerInvariant()}.",
                    AiKeywords = ValueList.Of(Words[n % Words.Length].ToLowerInvariant(), Words[(n + 4) % Words.Length].ToLowerInvariant()),
                    GithubRepo = n % 2 == 0 ? "https://github.com/example/repo" + n : null,
                });
                ids.Add(id);
            }
            listings.Add(new DayListing(day, ids.ToValueList()));
        }
        return new ArchiveModel(papers.OrderBy(p => p.Id, StringComparer.Ordinal).ToValueList(), listings.ToValueList());
    }
}
