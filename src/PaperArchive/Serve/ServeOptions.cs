using PaperArchive.Build;

namespace PaperArchive.Serve;

/// <summary>
/// What <c>paperarchive serve</c> builds and where it listens. <see cref="Port"/> 0 picks a free
/// port. <see cref="BasePath"/> ("/repo/") mounts the site below a prefix, like a project page.
/// <see cref="Host"/> is loopback unless the user asks otherwise.
/// </summary>
public sealed record ServeOptions
{
    public BuildOptions Build { get; init; } = new();

    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; }

    public string BasePath { get; init; } = "/";

    /// <summary>Quiet time after the last file event before a rebuild starts (editors save in bursts).</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>
    /// On a theme edit, render the pages open in a tab in memory and reload them before the full build
    /// (see <see cref="PreviewServer"/>). Off: every edit waits for the full build, as before.
    /// </summary>
    public bool PreviewFirst { get; init; } = true;

    /// <summary>Watch input/, the themes and the config and rebuild on change.</summary>
    public bool Watch { get; init; } = true;

    /// <summary>"/x/", "x", "/x" → "/x/"; empty → "/".</summary>
    public static string NormalizeBasePath(string? basePath)
    {
        var trimmed = (basePath ?? "").Trim().Trim('/');
        return trimmed.Length == 0 ? "/" : "/" + trimmed + "/";
    }
}
