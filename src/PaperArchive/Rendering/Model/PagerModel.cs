namespace PaperArchive.Rendering.Model;

/// <summary>
/// Template model <c>pager</c> of a paged list (<see cref="Pager"/>). The newest page (<see cref="Page"/> 0, the list's
/// own URL) holds the newest papers; the older pages are numbered from the oldest (page 1 holds the first
/// <c>page_size</c> papers ever listed) and keep their papers and their URL as the list grows, so a daily build leaves
/// them alone. Everything here is stable on an older page except <see cref="NewerUrl"/> of the newest older page.
/// </summary>
/// <param name="Page">0 on the newest page; k on older page k (1 = oldest).</param>
/// <param name="First">Position of the page's oldest paper, counted from the oldest paper of the list (1-based).</param>
/// <param name="Last">Position of the page's newest paper, counted the same way.</param>
/// <param name="NewestUrl">The newest page.</param>
/// <param name="NewerUrl">The next newer page; null on the newest page.</param>
/// <param name="OlderUrl">The next older page; null on page 1 and on a newest page without older pages.</param>
/// <param name="OldestUrl">Page 1; null when the list has no older pages.</param>
/// <param name="Older">On the newest page only: every older page, newest first (title "Page k"); empty on older pages.</param>
public sealed record PagerModel(int Page, int First, int Last, string NewestUrl, string? NewerUrl, string? OlderUrl, string? OldestUrl, LinkModel[] Older);
