using PaperArchive.Common;
using PaperArchive.Model;

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

    /// <summary>Forget the cached archive and analysis: the next build imports and analyses again.</summary>
    public void DataChanged()
    {
        lock (_gate)
        {
            _entry = null;
        }
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
