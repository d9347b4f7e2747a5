namespace PaperArchive.Rendering.Model;

/// <summary>
/// Template model <c>page</c>: the page being rendered. <see cref="Path"/> is site-relative
/// ("days/2026-07-01.html"); <see cref="Root"/> is the relative way back to the site root
/// ("../" or ""); <see cref="Canonical"/> is absolute from the configured base URL.
/// <see cref="Prev"/>/<see cref="Next"/> are the neighbouring pages of a sequence (days, weeks,
/// months, pages of a list) — the ←/→ keys follow them.
/// </summary>
public sealed record PageModel(
    string Title,
    string Path,
    string Canonical,
    string Root,
    string Description,
    string Kind,
    LinkModel? Prev,
    LinkModel? Next,
    bool NoIndex);
