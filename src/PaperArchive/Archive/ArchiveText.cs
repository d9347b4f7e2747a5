using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Archive;

/// <summary>
/// Text normalisation applied once at import, so that what is archived can be stored as UTF-8 and read
/// back unchanged. The only change: a lone UTF-16 surrogate (possible in JSON via <c>\ud800</c>, never
/// in real text) becomes U+FFFD, the replacement character, because UTF-8 cannot encode it.
/// </summary>
public static class ArchiveText
{
    public static string Sanitize(string value) => UnicodeText.ReplaceLoneSurrogates(value);

    public static Paper Sanitize(Paper p) => p with
    {
        Id = Sanitize(p.Id),
        ArxivId = S(p.ArxivId),
        Title = Sanitize(p.Title),
        Abstract = S(p.Abstract),
        Authors = p.Authors.Any(a => Dirty(a.Name) || Dirty(a.HfUser))
            ? p.Authors.Select(a => new Author(Sanitize(a.Name), S(a.HfUser))).ToValueList()
            : p.Authors,
        Organization = S(p.Organization),
        OrganizationHandle = S(p.OrganizationHandle),
        SubmittedBy = S(p.SubmittedBy),
        AiSummary = S(p.AiSummary),
        AiKeywords = p.AiKeywords.Any(Dirty) ? p.AiKeywords.Select(Sanitize).ToValueList() : p.AiKeywords,
        GithubRepo = S(p.GithubRepo),
        ProjectPage = S(p.ProjectPage),
        Thumbnail = S(p.Thumbnail),
        MediaUrls = p.MediaUrls.Any(Dirty) ? p.MediaUrls.Select(Sanitize).ToValueList() : p.MediaUrls,
    };

    public static ArchiveModel Sanitize(ArchiveModel model) => new(
        model.Papers.Select(Sanitize).OrderBy(p => p.Id, StringComparer.Ordinal).ToValueList(),
        model.Days.Select(d => d.PaperIds.Any(Dirty) ? d with { PaperIds = d.PaperIds.Select(Sanitize).ToValueList() } : d).ToValueList());

    private static string? S(string? value) => value is null ? null : Sanitize(value);

    // ReplaceLoneSurrogates returns the same instance when nothing needed replacing.
    private static bool Dirty(string? value) => value is not null && !ReferenceEquals(UnicodeText.ReplaceLoneSurrogates(value), value);
}
