namespace PaperArchive.Serve;

/// <summary>What <see cref="SiteFileLookup"/> found: a file (absolute path), a folder to redirect to with a slash, or nothing.</summary>
public sealed record SiteFileMatch(SiteFileMatchKind Kind, string? File)
{
    public static SiteFileMatch Missing { get; } = new(SiteFileMatchKind.Missing, null);
}
