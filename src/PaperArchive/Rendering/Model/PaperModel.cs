namespace PaperArchive.Rendering.Model;

/// <summary>
/// Template model <c>paper</c>. Every string is raw text from a scrape: templates must escape it
/// (<c>html.escape</c>). Links are site-relative (<see cref="Url"/>, author and day URLs: pass
/// through <c>rel</c>) or absolute http(s) (<see cref="Links"/>; anything else was dropped).
/// Analysis members (<see cref="Topics"/>, <see cref="Keywords"/>, <see cref="Similar"/>) are empty
/// when the build has no analysis.
/// </summary>
public sealed record PaperModel
{
    public required string Id { get; init; }
    public string? ArxivId { get; init; }
    public required string Title { get; init; }
    public required string Url { get; init; }
    public string? Abstract { get; init; }
    /// <summary>The abstract split at blank lines, computed when read (not kept: it would double the abstract's memory at 100,000 papers).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string[] AbstractParagraphs => (Abstract ?? "").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    public AuthorRefModel[] Authors { get; init; } = [];
    /// <summary>Number of authors (named or only counted); null when unknown.</summary>
    public int? AuthorCount { get; init; }
    public LinkModel? Organization { get; init; }
    public DateModel? Published { get; init; }
    public DateModel[] ListedOn { get; init; } = [];
    public DateModel? FirstListed { get; init; }
    public int? Upvotes { get; init; }
    public int? Comments { get; init; }
    /// <summary>Day of the newest count snapshot (when upvotes/comments were seen).</summary>
    public DateModel? SnapshotDate { get; init; }
    public required PaperLinksModel Links { get; init; }
    public int? GithubStars { get; init; }
    public string? AiSummary { get; init; }
    public KeywordModel[] Keywords { get; init; } = [];
    public LinkModel[] Topics { get; init; } = [];
    public PaperRefModel[] Similar { get; init; } = [];
    public string? SubmittedBy { get; init; }
    public string? SubmittedByUrl { get; init; }
    /// <summary>The BibTeX entry (<see cref="BibTex.For(PaperArchive.Model.Paper, string)"/> of <see cref="Source"/> under <see cref="CitationKey"/>), made when read.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Bibtex => Source is null ? "" : BibTex.For(Source, CitationKey);
    /// <summary>Thumbnail URL on the source's CDN. Themes must not hotlink it (the site makes no outside requests); link to it at most.</summary>
    public string? Thumbnail { get; init; }
    /// <summary>Upvotes over time when two or more snapshots carry a count; else null.</summary>
    public UpvoteHistoryModel? History { get; init; }
    /// <summary>Site-unique citation key (the BibTeX entry's and the RIS record's ID).</summary>
    public string CitationKey { get; init; } = "";

    /// <summary>The archive paper this model shows (not a template member: internal), for members made on demand.</summary>
    internal PaperArchive.Model.Paper? Source { get; init; }
}
