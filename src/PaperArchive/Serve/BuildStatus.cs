using PaperArchive.Common;

namespace PaperArchive.Serve;

/// <summary>
/// The server's view of the last build. <see cref="SiteBuild"/> numbers the site being served: the last
/// build that published, or the preview of a theme edit served from memory in front of it
/// (<see cref="PreviewOverlay"/>); a tab reloads when it changes. A build that publishes exactly what
/// the preview showed keeps the preview's number, so tabs do not reload twice. <see cref="Errors"/> are the last build's errors: a theme error keeps the
/// old site, a data error publishes what was good; both show in the overlay. <see cref="Ok"/>: no errors.
/// </summary>
public sealed record BuildStatus(int SiteBuild, bool Ok, IReadOnlyList<Diagnostic> Errors, TimeSpan Elapsed)
{
    public static BuildStatus None { get; } = new(0, false, [], TimeSpan.Zero);
}
