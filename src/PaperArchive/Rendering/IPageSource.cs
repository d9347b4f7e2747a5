namespace PaperArchive.Rendering;

/// <summary>
/// A kind of page: yields every page of that kind for the site. Sources are listed in
/// <see cref="Build.SiteBuilder"/>; a new page kind is one new class plus one line there.
/// Must be deterministic and may be called from any thread; it only reads <see cref="SiteContext"/>.
/// </summary>
public interface IPageSource
{
    IEnumerable<SiteOutput> GetPages(SiteContext site);
}
