namespace PaperArchive.Model;

/// <summary>
/// One paper with everything the sources told us about it. Immutable: change it with <c>with</c>.
/// <para><see cref="Id"/> is the arXiv id when known, otherwise a stable id derived from the
/// normalised title (<see cref="PaperId.FromTitle"/>).</para>
/// </summary>
public sealed record Paper
{
    public required string Id { get; init; }

    /// <summary>The arXiv id (e.g. <c>2509.24002</c>), null for papers only known from a text copy.</summary>
    public string? ArxivId { get; init; }

    /// <summary>Title with hard wraps joined and whitespace collapsed.</summary>
    public required string Title { get; init; }

    /// <summary>Abstract, paragraphs separated by a blank line, hard wraps joined.</summary>
    public string? Abstract { get; init; }

    /// <summary>Named authors in order; empty when the source only gave a count.</summary>
    public ValueList<Author> Authors { get; init; } = ValueList<Author>.Empty;

    /// <summary>Number of authors when names are unknown (or the source's own count); null when unknown.</summary>
    public int? AuthorCount { get; init; }

    /// <summary>Organisation display name (e.g. "NVIDIA"), when the listing names one.</summary>
    public string? Organization { get; init; }

    /// <summary>Hugging Face organisation handle (e.g. "nvidia"), when known.</summary>
    public string? OrganizationHandle { get; init; }

    /// <summary>arXiv publication date.</summary>
    public DateOnly? PublishedOn { get; init; }

    /// <summary>Every day the paper was on a daily listing, ascending, no duplicates.</summary>
    public ValueList<DateOnly> ListedOn { get; init; } = ValueList<DateOnly>.Empty;

    /// <summary>Count snapshots ascending by date, at most one per date; the last is the newest.</summary>
    public ValueList<CountSnapshot> Snapshots { get; init; } = ValueList<CountSnapshot>.Empty;

    /// <summary>Hugging Face user who put the paper on the daily list.</summary>
    public string? SubmittedBy { get; init; }

    public string? AiSummary { get; init; }

    /// <summary>The source's AI keywords as given (noisy; normalised later by Topics).</summary>
    public ValueList<string> AiKeywords { get; init; } = ValueList<string>.Empty;

    public string? GithubRepo { get; init; }

    public int? GithubStars { get; init; }

    public string? ProjectPage { get; init; }

    /// <summary>Thumbnail image URL.</summary>
    public string? Thumbnail { get; init; }

    /// <summary>Media (video/image) URLs attached on the listing.</summary>
    public ValueList<string> MediaUrls { get; init; } = ValueList<string>.Empty;

    /// <summary>Newest upvote count known, if any source carried one.</summary>
    public int? Upvotes => Snapshots.LastOrDefault(s => s.Upvotes is not null)?.Upvotes;

    /// <summary>Newest comment count known.</summary>
    public int? Comments => Snapshots.LastOrDefault(s => s.Comments is not null)?.Comments;

    /// <summary>Author count for display: named authors, else the count the source gave.</summary>
    public int? AuthorTotal => Authors.Count > 0 ? Authors.Count : AuthorCount;

    /// <summary>First day on a daily listing, else the publication date.</summary>
    public DateOnly? FirstSeen => ListedOn.Count > 0 ? ListedOn[0] : PublishedOn;
}
