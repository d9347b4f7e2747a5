using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Ingest;

/// <summary>
/// The fields of one paper while <see cref="PaperMerger"/> folds its sources in trust order: each
/// non-empty value replaces the previous one and remembers where it came from, so a replaced title
/// or abstract can be reported naming both files.
/// </summary>
internal sealed class MergeFieldState
{
    private (string Value, string Source)? _title;
    private (string Value, string Source)? _abstract;
    private (DateOnly Value, string Source)? _published;
    private ValueList<Author> _authors = ValueList<Author>.Empty;
    private int? _authorCount;
    private string? _organization;
    private string? _organizationHandle;
    private string? _submittedBy;
    private string? _aiSummary;
    private ValueList<string> _aiKeywords = ValueList<string>.Empty;
    private string? _githubRepo;
    private int? _githubStars;
    private string? _projectPage;
    private string? _thumbnail;
    private ValueList<string> _mediaUrls = ValueList<string>.Empty;

    /// <summary>Takes the archived record's values; with <paramref name="overwrite"/> false only where nothing is known yet.</summary>
    public void Fill(Paper p, string source, bool overwrite)
    {
        if (!string.IsNullOrWhiteSpace(p.Title) && (overwrite || _title is null)) _title = (p.Title, source);
        if (!string.IsNullOrWhiteSpace(p.Abstract) && (overwrite || _abstract is null)) _abstract = (p.Abstract, source);
        if (p.PublishedOn is { } d && (overwrite || _published is null)) _published = (d, source);
        if (p.Authors.Count > 0 && (overwrite || _authors.Count == 0)) _authors = WithKnownAccounts(p.Authors, _authors);
        else if (p.Authors.Count > 0) _authors = WithKnownAccounts(_authors, p.Authors);
        if (p.AuthorCount is not null && (overwrite || _authorCount is null)) _authorCount = p.AuthorCount;
        Take(ref _organization, p.Organization, overwrite);
        Take(ref _organizationHandle, p.OrganizationHandle, overwrite);
        Take(ref _submittedBy, p.SubmittedBy, overwrite);
        Take(ref _aiSummary, p.AiSummary, overwrite);
        if (p.AiKeywords.Count > 0 && (overwrite || _aiKeywords.Count == 0)) _aiKeywords = p.AiKeywords;
        Take(ref _githubRepo, p.GithubRepo, overwrite);
        if (p.GithubStars is not null && (overwrite || _githubStars is null)) _githubStars = p.GithubStars;
        Take(ref _projectPage, p.ProjectPage, overwrite);
        Take(ref _thumbnail, p.Thumbnail, overwrite);
        if (p.MediaUrls.Count > 0 && (overwrite || _mediaUrls.Count == 0)) _mediaUrls = p.MediaUrls;
    }

    /// <summary>Applies a more trusted observation, reporting real disagreements with what it replaces.</summary>
    public void Apply(Paper p, string file, string item, List<Diagnostic> diagnostics)
    {
        var source = item.Length == 0 ? file : file + " (" + item + ")";
        if (_title is { } t && !string.IsNullOrWhiteSpace(p.Title)
            && !string.Equals(PaperId.NormalizeTitle(t.Value), PaperId.NormalizeTitle(p.Title), StringComparison.Ordinal))
        {
            diagnostics.Add(Conflict(Severity.Warning, file, item, source, "title", p.Title, t.Value, t.Source));
        }
        if (_abstract is { } a && !string.IsNullOrWhiteSpace(p.Abstract)
            && !string.Equals(PaperId.NormalizeTitle(a.Value), PaperId.NormalizeTitle(p.Abstract), StringComparison.Ordinal))
        {
            diagnostics.Add(Conflict(Severity.Info, file, item, source, "abstract", Short(p.Abstract), Short(a.Value), a.Source));
        }
        if (_published is { } pub && p.PublishedOn is { } newPub && pub.Value != newPub)
        {
            diagnostics.Add(Conflict(Severity.Info, file, item, source, "arXiv publication date",
                newPub.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                pub.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), pub.Source));
        }
        Fill(p, source, overwrite: true);
    }

    public Paper Build(string id, string? arxivId, SortedSet<DateOnly> listed, SortedDictionary<DateOnly, CountSnapshot> snapshots) => new()
    {
        Id = id,
        ArxivId = arxivId,
        Title = _title?.Value ?? id,
        Abstract = _abstract?.Value,
        Authors = _authors,
        AuthorCount = _authorCount,
        Organization = _organization,
        OrganizationHandle = _organizationHandle,
        PublishedOn = _published?.Value,
        ListedOn = listed.ToValueList(),
        Snapshots = snapshots.Values.ToValueList(),
        SubmittedBy = _submittedBy,
        AiSummary = _aiSummary,
        AiKeywords = _aiKeywords,
        GithubRepo = _githubRepo,
        GithubStars = _githubStars,
        ProjectPage = _projectPage,
        Thumbnail = _thumbnail,
        MediaUrls = _mediaUrls,
    };

    /// <summary>
    /// The same author list from another source may know accounts this one lacks (a claim made after
    /// one scrape); when the names agree one by one, keep every account either list knows.
    /// </summary>
    private static ValueList<Author> WithKnownAccounts(ValueList<Author> kept, ValueList<Author> other)
    {
        if (kept.Count != other.Count || !kept.Where((a, i) => a.HfUser is null && other[i].HfUser is not null).Any())
        {
            return kept;
        }
        for (var i = 0; i < kept.Count; i++)
        {
            if (!string.Equals(kept[i].Name, other[i].Name, StringComparison.Ordinal))
            {
                return kept;
            }
        }
        return kept.Select((a, i) => a.HfUser is null ? a with { HfUser = other[i].HfUser } : a).ToValueList();
    }

    private static void Take(ref string? field, string? value, bool overwrite)
    {
        if (!string.IsNullOrWhiteSpace(value) && (overwrite || field is null))
        {
            field = value;
        }
    }

    private static Diagnostic Conflict(Severity severity, string file, string item, string winner, string what, string kept, string replaced, string replacedSource) =>
        new(severity, file, item.Length == 0 ? null : item, $"{what} differs between sources: kept '{kept}' from {winner} (more trusted or newer) over '{replaced}' from {replacedSource}");

    private static string Short(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
