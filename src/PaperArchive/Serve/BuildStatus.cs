using PaperArchive.Common;

namespace PaperArchive.Serve;

/// <summary>
/// The server's view of the last build. <see cref="SiteBuild"/> numbers the site on disk (the last
/// build that published); a failed build keeps the old site and carries its <see cref="Errors"/>.
/// </summary>
public sealed record BuildStatus(int SiteBuild, bool Ok, IReadOnlyList<Diagnostic> Errors, TimeSpan Elapsed)
{
    public static BuildStatus None { get; } = new(0, false, [], TimeSpan.Zero);
}
