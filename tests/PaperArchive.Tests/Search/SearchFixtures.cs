using System.Globalization;
using System.Text.Json;
using PaperArchive.Model;

namespace PaperArchive.Tests.Search;

/// <summary>
/// The fixture papers for search tests, read straight from <c>tests/fixtures/hf-api</c> (the JSON
/// object files; the Python-repr days are skipped here) so these tests do not depend on the importer.
/// </summary>
internal static class SearchFixtures
{
    private static readonly Lazy<ArchiveModel> LazyArchive = new(Load);

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PaperArchive.sln")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? throw new InvalidOperationException("PaperArchive.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string FixturesDir => Path.Combine(RepoRoot, "tests", "fixtures");

    public static ArchiveModel Archive => LazyArchive.Value;

    /// <summary>A small analysis with two topics, so topic fields and filters have data.</summary>
    public static ArchiveAnalysis Analysis()
    {
        var topics = ValueList.Of(
            new Topic("agents", "Agents", "LLM agents", "agent"),
            new Topic("video-generation", "Video generation", "Video models", "video"));
        var byPaper = new Dictionary<string, PaperAnalysis>();
        foreach (var p in Archive.Papers)
        {
            var slugs = new List<string>();
            if (p.Title.Contains("agent", StringComparison.OrdinalIgnoreCase))
            {
                slugs.Add("agents");
            }
            if (p.Title.Contains("video", StringComparison.OrdinalIgnoreCase))
            {
                slugs.Add("video-generation");
            }
            byPaper[p.Id] = new PaperAnalysis(p.Id, slugs.ToValueList(), ValueList<string>.Empty, ValueList<string>.Empty);
        }
        return new ArchiveAnalysis(topics, byPaper, new Dictionary<string, string>());
    }

    private static ArchiveModel Load()
    {
        var papers = new SortedDictionary<string, Paper>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(Path.Combine(FixturesDir, "hf-api"), "*.json").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                continue;
            }
            var fileDay = DayFromName(Path.GetFileNameWithoutExtension(path));
            foreach (var item in doc.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("paper", out var paper))
                {
                    continue;
                }
                var id = paper.GetProperty("id").GetString()!;
                var title = Str(item, "title") ?? Str(paper, "title") ?? id;
                var listed = Date(Str(paper, "submittedOnDailyAt")) ?? fileDay;
                papers[id] = new Paper
                {
                    Id = id,
                    ArxivId = id,
                    Title = Collapse(title),
                    Abstract = Str(paper, "summary") is { } s ? Collapse(s) : null,
                    Authors = paper.TryGetProperty("authors", out var authors)
                        ? authors.EnumerateArray().Select(a => new Author(Str(a, "name") ?? "")).Where(a => a.Name.Length > 0).ToValueList()
                        : ValueList<Author>.Empty,
                    Organization = item.TryGetProperty("organization", out var org) && org.ValueKind == JsonValueKind.Object ? Str(org, "fullname") : null,
                    PublishedOn = Date(Str(paper, "publishedAt")),
                    ListedOn = listed is { } l ? ValueList.Of(l) : ValueList<DateOnly>.Empty,
                    Snapshots = paper.TryGetProperty("upvotes", out var up) && up.ValueKind == JsonValueKind.Number && listed is { } day
                        ? ValueList.Of(new CountSnapshot(day, up.GetInt32(), null))
                        : ValueList<CountSnapshot>.Empty,
                    AiKeywords = paper.TryGetProperty("ai_keywords", out var kw) && kw.ValueKind == JsonValueKind.Array
                        ? kw.EnumerateArray().Select(k => k.GetString() ?? "").ToValueList()
                        : ValueList<string>.Empty,
                };
            }
        }
        return new ArchiveModel(papers.Values.ToValueList(), ValueList<DayListing>.Empty);
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static DateOnly? Date(string? iso) =>
        iso is { Length: >= 10 } && DateOnly.TryParseExact(iso.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static DateOnly? DayFromName(string name) => Date(name.Replace("daily_papers_", "", StringComparison.Ordinal));
}
