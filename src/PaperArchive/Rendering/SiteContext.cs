using System.Globalization;
using PaperArchive.Build;
using PaperArchive.Common;
using PaperArchive.Model;
using PaperArchive.Rendering.Model;

namespace PaperArchive.Rendering;

/// <summary>
/// Everything a page source reads: the archive, its analysis, the configuration, and the template
/// models derived from them — built once (each <see cref="PaperModel"/> exactly once) and read-only
/// afterwards, so sources can run in parallel.
/// </summary>
public sealed class SiteContext
{
    private readonly Dictionary<string, Paper> _papers;
    private readonly Dictionary<string, PaperModel> _models;
    private readonly HashSet<DateOnly> _listedDays;
    private readonly Dictionary<string, Topic> _topics;
    // Models many papers share are made once and shared (they are immutable records): at 100,000 papers, a date, link or
    // author model per paper and use cost hundreds of megabytes.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<DateOnly, DateModel> _dates = new();
    private readonly Dictionary<string, PaperRefModel> _refs;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Name, string? HfUser), AuthorRefModel> _authorRefs = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Name, bool Page), KeywordModel> _keywords = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, LinkModel> _topicLinks = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Name, string Key), LinkModel> _organizations = new();

    public SiteContext(ArchiveModel archive, ArchiveAnalysis analysis, SiteConfig config)
    {
        Archive = archive;
        Analysis = analysis;
        Config = config;
        _papers = archive.Papers.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Days = archive.Days.OrderBy(d => d.Date).ToList();
        _listedDays = Days.Select(d => d.Date).ToHashSet();

        Authors = new SlugDirectory(archive.Papers.SelectMany(p => p.Authors).Select(a => a.Name.Trim()).Where(n => n.Length > 0));
        Organizations = new SlugDirectory(archive.Papers.Select(OrganizationKey).OfType<string>());

        var newest = Days.Count > 0 ? Days[^1].Date : archive.Papers.Select(p => p.FirstSeen).Max();
        Site = new SiteModel(
            config.Title,
            config.Description,
            config.BaseUrl,
            config.BasePath,
            config.Language,
            newest is null ? null : Date(newest.Value),
            archive.Papers.Count,
            Days.Count,
            Days.Count > 0 ? Date(Days[0].Date) : null,
            Days.Count > 0 ? Date(Days[^1].Date) : null,
            SiteUrls.Atom,
            SiteUrls.Rss,
            SiteUrls.JsonFeed)
        {
            OfflineZipUrl = config.OfflineZip ? SiteUrls.OfflineZip : null,
        };

        _topics = analysis.Topics.GroupBy(t => t.Slug, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        CitationKeys = new Exports.CitationKeys(_papers.Values);
        _refs = _papers.Values.ToDictionary(p => p.Id, p => new PaperRefModel(p.Id, p.Title, SiteUrls.Paper(p.Id), p.Upvotes), StringComparer.Ordinal);
        // Built in parallel (a model reads only the archive, the analysis and the citation keys), stored in archive order.
        var papers = _papers.Values.ToArray();
        var models = new PaperModel[papers.Length];
        Parallel.For(0, papers.Length, i => models[i] = BuildModel(papers[i]));
        _models = new Dictionary<string, PaperModel>(papers.Length, StringComparer.Ordinal);
        for (var i = 0; i < papers.Length; i++)
        {
            _models[papers[i].Id] = models[i];
        }
    }

    public ArchiveModel Archive { get; }

    /// <summary>Unique BibTeX/RIS key per paper id.</summary>
    public Exports.CitationKeys CitationKeys { get; }

    public ArchiveAnalysis Analysis { get; }

    public SiteConfig Config { get; }

    /// <summary>Template model <c>site</c>.</summary>
    public SiteModel Site { get; }

    /// <summary>Listing days, ascending.</summary>
    public IReadOnlyList<DayListing> Days { get; }

    /// <summary>Author name (trimmed) → page slug.</summary>
    public SlugDirectory Authors { get; }

    /// <summary>Organisation key (<see cref="OrganizationKey"/>) → page slug.</summary>
    public SlugDirectory Organizations { get; }

    public IEnumerable<Paper> AllPapers => Archive.Papers;

    public Paper? FindPaper(string id) => _papers.GetValueOrDefault(id);

    /// <summary>The template model of a paper (built once).</summary>
    public PaperModel PaperModel(string id) => _models[id];

    /// <summary>The papers (ids that are in the archive) as template models, most upvoted first (then newest, then id).</summary>
    public PaperModel[] ByUpvotes(IEnumerable<string> ids) =>
        ids.Distinct(StringComparer.Ordinal)
            .Select(FindPaper).OfType<Paper>()
            .OrderByDescending(p => p.Upvotes ?? -1)
            .ThenByDescending(p => p.FirstSeen ?? DateOnly.MinValue)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => _models[p.Id])
            .ToArray();

    /// <summary>Newest first (first listed day, then upvotes, then id) — the order of feeds and author pages.</summary>
    /// <remarks>A stable sort, as LINQ's ordering was; by hand because author pages call it 50,000 times for a paper or two each.</remarks>
    public PaperModel[] Newest(IEnumerable<Paper> papers)
    {
        var list = papers as Paper[] ?? papers.ToArray();
        if (list.Length == 1)
        {
            return [_models[list[0].Id]];
        }
        var order = new int[list.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        Array.Sort(order, (x, y) =>
        {
            var (a, b) = (list[x], list[y]);
            var c = (b.FirstSeen ?? DateOnly.MinValue).CompareTo(a.FirstSeen ?? DateOnly.MinValue);
            if (c == 0)
            {
                c = (b.Upvotes ?? -1).CompareTo(a.Upvotes ?? -1);
            }
            if (c == 0)
            {
                c = string.CompareOrdinal(a.Id, b.Id);
            }
            return c != 0 ? c : x.CompareTo(y);
        });
        var models = new PaperModel[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            models[i] = _models[list[order[i]].Id];
        }
        return models;
    }

    /// <summary>
    /// Every named author (trimmed; ordinal order) with the papers that list them, in archive order, each with the
    /// Hugging Face user that paper gave them. One pass over the archive (author pages and feeds both start here).
    /// </summary>
    /// <param name="papers">The papers to look in (the archive's, or a subset of them).</param>
    public static IEnumerable<(string Name, List<(Paper Paper, string? HfUser)> Entries)> ByAuthor(IEnumerable<Paper> papers)
    {
        var byName = new Dictionary<string, List<(Paper, string?)>>(StringComparer.Ordinal);
        foreach (var paper in papers)
        {
            foreach (var author in paper.Authors)
            {
                var name = author.Name.Trim();
                if (name.Length == 0)
                {
                    continue;
                }
                if (!byName.TryGetValue(name, out var entries))
                {
                    byName[name] = entries = new List<(Paper, string?)>(2);
                }
                entries.Add((paper, author.HfUser));
            }
        }
        var names = byName.Keys.ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        foreach (var name in names)
        {
            yield return (name, byName[name]);
        }
    }

    /// <summary>The papers once each (first occurrence of each id), in the order given.</summary>
    public static Paper[] DistinctById(List<(Paper Paper, string? HfUser)> entries)
    {
        if (entries.Count == 1)
        {
            return [entries[0].Paper];
        }
        var seen = new HashSet<string>(entries.Count, StringComparer.Ordinal);
        var papers = new List<Paper>(entries.Count);
        foreach (var (paper, _) in entries)
        {
            if (seen.Add(paper.Id))
            {
                papers.Add(paper);
            }
        }
        return [.. papers];
    }

    /// <summary>Organisation identity: the Hugging Face handle when known, else the display name.</summary>
    public static string? OrganizationKey(Paper paper) =>
        !string.IsNullOrWhiteSpace(paper.OrganizationHandle) ? paper.OrganizationHandle.Trim()
        : !string.IsNullOrWhiteSpace(paper.Organization) ? paper.Organization.Trim()
        : null;

    public bool IsListed(DateOnly date) => _listedDays.Contains(date);

    /// <summary>A date for templates, linked to its day page when that day was listed.</summary>
    public DateModel Date(DateOnly date) => _dates.GetOrAdd(date, d => new(
        d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        d.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        d.ToString("dddd, d MMMM yyyy", CultureInfo.InvariantCulture),
        _listedDays.Contains(d) ? SiteUrls.Day(d) : null));

    private PaperModel BuildModel(Paper paper)
    {
        var analysis = Analysis.For(paper.Id);
        var keywords = analysis.Keywords.Count > 0
            ? analysis.Keywords.Select(k => _keywords.GetOrAdd((k, true), key => new KeywordModel(key.Name, Analysis.KeywordPages.TryGetValue(key.Name, out var slug) ? SiteUrls.Keyword(slug) : null)))
            : paper.AiKeywords.Select(k => _keywords.GetOrAdd((k, false), key => new KeywordModel(key.Name, null)));
        var orgKey = OrganizationKey(paper);
        var snapshot = paper.Snapshots.Count > 0 ? paper.Snapshots[^1] : null;
        var arxiv = paper.ArxivId is not null && PaperId.IsArxivId(paper.ArxivId) ? paper.ArxivId : null;
        return new PaperModel
        {
            Id = paper.Id,
            ArxivId = paper.ArxivId,
            Title = paper.Title,
            Url = _refs[paper.Id].Url,
            Abstract = paper.Abstract,
            Authors = paper.Authors
                .Where(a => a.Name.Trim().Length > 0)
                .Select(a => _authorRefs.GetOrAdd((a.Name.Trim(), a.HfUser), key => new AuthorRefModel(key.Name, SiteUrls.Author(Authors[key.Name]), ExternalUrl.HuggingFace(key.HfUser))))
                .ToArray(),
            AuthorCount = paper.AuthorTotal,
            Organization = orgKey is null ? null : _organizations.GetOrAdd((paper.Organization?.Trim() is { Length: > 0 } n ? n : orgKey, orgKey), key => new LinkModel(key.Name, SiteUrls.Organization(Organizations[key.Key]))),
            Published = paper.PublishedOn is { } pub ? Date(pub) : null,
            ListedOn = paper.ListedOn.Select(Date).ToArray(),
            FirstListed = paper.ListedOn.Count > 0 ? Date(paper.ListedOn[0]) : null,
            Upvotes = paper.Upvotes,
            Comments = paper.Comments,
            SnapshotDate = snapshot is null ? null : Date(snapshot.Date),
            Links = new PaperLinksModel(
                arxiv is null ? null : "https://arxiv.org/abs/" + arxiv,
                arxiv is null ? null : "https://arxiv.org/pdf/" + arxiv,
                arxiv is null ? null : "https://huggingface.co/papers/" + arxiv,
                ExternalUrl.GitHub(paper.GithubRepo),
                ExternalUrl.Safe(paper.ProjectPage)),
            GithubStars = paper.GithubStars,
            AiSummary = string.IsNullOrWhiteSpace(paper.AiSummary) ? null : paper.AiSummary.Trim(),
            Keywords = keywords.ToArray(),
            Topics = analysis.TopicSlugs
                .Select(s => _topicLinks.GetOrAdd(s, slug => new LinkModel(_topics.TryGetValue(slug, out var t) ? t.Title : slug, SiteUrls.Topic(slug))))
                .ToArray(),
            Similar = analysis.SimilarIds
                .Select(id => _refs.GetValueOrDefault(id)).OfType<PaperRefModel>()
                .ToArray(),
            SubmittedBy = paper.SubmittedBy,
            SubmittedByUrl = ExternalUrl.HuggingFace(paper.SubmittedBy),
            CitationKey = CitationKeys[paper.Id],
            Source = paper,
            Thumbnail = ExternalUrl.Safe(paper.Thumbnail),
            History = UpvoteHistoryModel.From(paper.Snapshots, Date),
        };
    }
}
