namespace PaperArchive.Rendering.Model;

/// <summary>
/// Template model <c>site</c>: the same for every page. <see cref="BuildDate"/> is the archive's
/// newest listing day (not the wall clock), so two builds of the same archive are identical.
/// </summary>
public sealed record SiteModel(
    string Title,
    string Description,
    string BaseUrl,
    string BasePath,
    string Language,
    DateModel? BuildDate,
    int PaperCount,
    int DayCount,
    DateModel? FirstDay,
    DateModel? LastDay,
    string AtomUrl,
    string RssUrl,
    string JsonFeedUrl)
{
    /// <summary>Site path of the downloadable copy (<c>paperarchive build --zip</c>), else null.</summary>
    public string? OfflineZipUrl { get; init; }
}
