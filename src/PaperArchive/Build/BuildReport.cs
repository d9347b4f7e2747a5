using PaperArchive.Common;

namespace PaperArchive.Build;

/// <summary>What a build did, for the one-line summary and the exit code.</summary>
public sealed record BuildReport(int Pages, int Files, int Papers, int Days, TimeSpan Elapsed, bool Imported, IReadOnlyList<Diagnostic> Diagnostics, bool Published)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);

    /// <summary>How long each step took, in order (config, import, topics, theme, render, search, size, check, publish).</summary>
    public IReadOnlyList<(string Step, TimeSpan Elapsed)> Steps { get; init; } = [];

    /// <summary>Pages rendered through the theme; the other <see cref="Pages"/> were kept from the published site (incremental build).</summary>
    public int Rendered { get; init; }

    /// <summary>Files the build wrote into the site (new or changed); an in-place update leaves the others untouched. Zero when not published.</summary>
    public int Changed { get; init; }

    /// <summary>Total bytes of the site's files as the size check counted them (the manifest and build state aside).</summary>
    public long Bytes { get; init; }
}
