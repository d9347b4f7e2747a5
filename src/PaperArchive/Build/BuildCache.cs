using PaperArchive.Common;
using PaperArchive.Model;
using PaperArchive.Rendering;

namespace PaperArchive.Build;

/// <summary>
/// What a long-running process (the preview server) keeps between its builds: the archive as last
/// imported, its topic analysis and their diagnostics. A theme edit then rebuilds from memory; any
/// change to the data (listings, topics.yml, site.yml) must call <see cref="DataChanged"/> first.
/// Thread-safe.
/// </summary>
public sealed class BuildCache
{
    private readonly Lock _gate = new();
    private Entry? _entry;

    // For previews (SiteBuilder.Plan): the site context and page list of the cached data under one
    // configuration. They depend on the data and configuration only, so theme edits reuse them.
    private (ArchiveModel Archive, ArchiveAnalysis Analysis, SiteConfig Config, SiteContext Site, SiteRenderPlan.SitePages Pages)? _pages;

    /// <summary>Forget the cached archive and analysis: the next build imports and analyses again.</summary>
    public void DataChanged()
    {
        lock (_gate)
        {
            _entry = null;
            _pages = null;
        }
    }

    /// <summary>The site context and pages of <paramref name="entry"/>'s data under <paramref name="config"/>, made once.</summary>
    internal (SiteContext Site, SiteRenderPlan.SitePages Pages) Pages(Entry entry, SiteConfig config, Func<(SiteContext, SiteRenderPlan.SitePages)> create)
    {
        lock (_gate)
        {
            if (_pages is { } p && ReferenceEquals(p.Archive, entry.Archive) && ReferenceEquals(p.Analysis, entry.Analysis) && p.Config == config)
            {
                return (p.Site, p.Pages);
            }
        }
        var (site, pages) = create();
        lock (_gate)
        {
            _pages = (entry.Archive, entry.Analysis, config, site, pages);
        }
        return (site, pages);
    }

    internal Entry? Get()
    {
        lock (_gate)
        {
            return _entry;
        }
    }

    internal void Set(Entry entry)
    {
        lock (_gate)
        {
            _entry = entry;
        }
    }

    /// <summary>The published site was built from <paramref name="entry"/> (so its search index is this data's).</summary>
    internal void MarkPublished(Entry entry)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_entry, entry))
            {
                _entry = entry with { Published = true };
            }
        }
    }

    internal sealed record Entry(ArchiveModel Archive, ArchiveAnalysis Analysis, bool Imported, IReadOnlyList<Diagnostic> Diagnostics)
    {
        public bool Published { get; init; }
    }
}
