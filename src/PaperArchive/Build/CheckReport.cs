using PaperArchive.Common;

namespace PaperArchive.Build;

/// <summary>Result of <see cref="SiteChecker.Check"/>: pages parsed, links checked, problems found.</summary>
public sealed record CheckReport(int Pages, int Links, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Ok => Diagnostics.Count == 0;
}
