namespace PaperArchive.Build;

/// <summary>
/// The site's own settings from <c>input/site.yml</c>. Every member has a default, so a missing
/// file builds a working site. <see cref="BaseUrl"/> always ends in '/'.
/// </summary>
public sealed record SiteConfig
{
    public string Title { get; init; } = "Daily Papers Archive";

    public string Description { get; init; } = "An offline, searchable archive of the Hugging Face Daily Papers listings.";

    /// <summary>Absolute URL the site is published at, e.g. "https://me.github.io/papers/"; used for canonical and feed URLs only.</summary>
    public string BaseUrl { get; init; } = "https://example.org/";

    /// <summary>BCP 47 language tag of the page text.</summary>
    public string Language { get; init; } = "en";

    /// <summary>Theme folder name under <c>themes/</c>.</summary>
    public string Theme { get; init; } = "default";

    /// <summary>How many of the newest papers the Atom, RSS and JSON feeds carry.</summary>
    public int FeedSize { get; init; } = 50;

    /// <summary>How many of the newest days the home page shows.</summary>
    public int HomeDays { get; init; } = 3;

    /// <summary>How many papers per day the home page shows before "all N papers".</summary>
    public int HomePapersPerDay { get; init; } = 10;

    /// <summary>Papers per page on paged lists (authors, organisations, topics).</summary>
    public int PageSize { get; init; } = 50;

    /// <summary>The build writes the whole site as one zip (<c>offline/site.zip</c>) and pages link it (<c>--zip</c>).</summary>
    public bool OfflineZip { get; init; }

    /// <summary>The build fails when the site grows past this many MB (GitHub Pages' limit is 1 GB).</summary>
    public long SizeBudgetMb { get; init; } = 1024;

    /// <summary>The path part of <see cref="BaseUrl"/> ("/" or "/repo/"), for pages served at any depth (404).</summary>
    public string BasePath
    {
        get
        {
            if (Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri))
            {
                var path = uri.AbsolutePath;
                return path.EndsWith('/') ? path : path + "/";
            }
            return "/";
        }
    }
}
