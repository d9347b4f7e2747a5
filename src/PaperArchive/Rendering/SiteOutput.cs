namespace PaperArchive.Rendering;

/// <summary>One file of the site, produced by an <see cref="IPageSource"/>: a <see cref="SitePage"/> (a template) or a <see cref="SiteFile"/> (written by code).</summary>
public abstract record SiteOutput(string Path)
{
    /// <summary>Whether <c>sitemap.xml</c> lists it.</summary>
    public bool InSitemap { get; init; } = true;
}
