namespace PaperArchive.Rendering;

/// <summary>
/// What rendering one page read besides its own data, recorded while it renders: the members of
/// <c>site</c> it used, the members of papers it used, every theme file it looked up (relative path → the file found, or null when
/// none was), and every <c>exists</c> question with its answer. An incremental build re-renders a
/// page when any of these would now come out differently (see <see cref="Build.BuildManifest"/>).
/// One instance per page; not thread-safe (a page renders on one thread).
/// </summary>
public sealed class PageDependencies
{
    public SortedSet<string> SiteMembers { get; } = new(StringComparer.Ordinal);

    /// <summary>Members of any <c>paper</c> the page read (template names; <c>*</c> for all), see <see cref="TrackedPaperAccessor"/>.</summary>
    public SortedSet<string> PaperMembers { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, string?> ThemeFiles { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, bool> Exists { get; } = new(StringComparer.Ordinal);
}
