using PaperArchive.Common;

namespace PaperArchive.Serve;

/// <summary>
/// The server's view of the last build. <see cref="SiteBuild"/> numbers the site on disk (the last
/// build that published). <see cref="Errors"/> are the last build's errors: a theme error keeps the
/// old site, a data error publishes what was good; both show in the overlay. <see cref="Ok"/>: no errors.
/// </summary>
public sealed record BuildStatus(int SiteBuild, bool Ok, IReadOnlyList<Diagnostic> Errors, TimeSpan Elapsed)
{
    public static BuildStatus None { get; } = new(0, false, [], TimeSpan.Zero);
}
