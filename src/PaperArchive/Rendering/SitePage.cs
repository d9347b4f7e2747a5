using PaperArchive.Rendering.Model;

namespace PaperArchive.Rendering;

/// <summary>
/// An HTML page rendered through the theme. <see cref="Kind"/> names the page kind and its first
/// layout ("day" → <c>layouts/day.html</c>); <see cref="Fallbacks"/> are the next layouts tried
/// ("list"), then <c>layouts/_default.html</c>. <see cref="Data"/> are the template variables besides
/// <c>site</c> and <c>page</c> (template-model types only, never internal types).
/// </summary>
public sealed record SitePage(string Path, string Kind, string Title, IReadOnlyDictionary<string, object?> Data) : SiteOutput(Path)
{
    public IReadOnlyList<string> Fallbacks { get; init; } = [];

    /// <summary>Meta description; the site description when null.</summary>
    public string? Description { get; init; }

    public LinkModel? Prev { get; init; }

    public LinkModel? Next { get; init; }

    /// <summary>Adds <c>noindex</c> (404 and similar).</summary>
    public bool NoIndex { get; init; }
}
