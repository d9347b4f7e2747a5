namespace PaperArchive.Rendering.Model;

/// <summary>Template model <c>pager</c>: page <see cref="Page"/> of <see cref="Pages"/> (1-based); <see cref="Urls"/> lists every page.</summary>
public sealed record PagerModel(int Page, int Pages, int TotalItems, string? PrevUrl, string? NextUrl, string[] Urls);
