using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Ingest;

/// <summary>
/// Merges observations from every file into the existing archive: one record per paper, listing days
/// accumulate, the newest count snapshot wins, richer sources fill what poorer ones lack, conflicts
/// resolved deterministically and reported. A paper already archived is never dropped.
/// <para>Rules, in the order they apply:</para>
/// <list type="number">
/// <item>Inputs are put in a canonical order first (file path ordinal, then content), so the result
/// does not depend on the order files were read in.</item>
/// <item>A paper without an arXiv id (<c>t-…</c>) joins the arXiv record with the same
/// <see cref="PaperId.NormalizeTitle"/> title, if exactly one exists (in the archive or the inputs);
/// otherwise it stays a <c>t-</c> record. Archived <c>t-</c> papers join the same way (their data moves
/// to the arXiv record; an Info diagnostic names both ids).</item>
/// <item>Scalar and list fields: the archived record is the base; observations are applied from the
/// least to the most trusted — <see cref="SourceKind"/> order first (API JSON most trusted), then the
/// newer listing day, then file path and item position (ordinal) — and each non-empty value replaces
/// the one before. So richer sources fill what poorer ones lack, and the newest scrape of the
/// richest kind has the last word. Differing titles (after normalisation) are reported as a
/// warning, differing abstracts and publication dates as info, each naming both files.</item>
/// <item>Listing days: union of every observation's <see cref="Paper.ListedOn"/> and the archive's, sorted.</item>
/// <item>Snapshots: at most one per date; for the same date each count is the larger of the two
/// (same-morning scrapes only grow, and a text copy may carry comments where the API carries upvotes).</item>
/// <item>Day listings come only from daily listings (<see cref="ListingReadResult.IsDailyListing"/>):
/// the archived order of that day first, then each file's papers in source order (richest kind first,
/// then path ordinal), each id once. A non-daily source that names a listing day adds its paper
/// to that day only if the day already has a listing (a copied search listing never creates a day).</item>
/// </list>
/// Runs in O(n log n) over the number of observations.
/// </summary>
public static class PaperMerger
{
    /// <summary>Name used in diagnostics for values that came from the existing archive.</summary>
    public const string ArchiveSourceName = "archive";

    public static MergeResult Merge(ArchiveModel existing, IEnumerable<ListingReadResult> results)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(results);
        var diagnostics = new List<Diagnostic>();

        var ordered = results.Where(r => r is not null).ToList();
        ordered.Sort(ResultOrder.Instance);

        // Flatten with everything the trust order needs.
        var observations = new List<Entry>();
        for (var r = 0; r < ordered.Count; r++)
        {
            var result = ordered[r];
            for (var i = 0; i < result.Observations.Count; i++)
            {
                var o = result.Observations[i];
                if (o?.Paper is null || string.IsNullOrWhiteSpace(o.Paper.Id) || string.IsNullOrWhiteSpace(o.Paper.Title))
                {
                    diagnostics.Add(Diagnostic.Warning(result.File, o?.Item, "skipped in merge: observation without id or title"));
                    continue;
                }
                observations.Add(new Entry(o.Paper, o.Kind, result.File, o.Item ?? "", r, i, result.IsDailyListing, Recency(o.Paper, result)));
            }
        }

        // Title → arXiv id, for papers known only by title.
        var byTitle = new Dictionary<string, string?>(StringComparer.Ordinal);
        void NoteTitle(string id, string title)
        {
            if (IsTitleId(id))
            {
                return;
            }
            var key = PaperId.NormalizeTitle(title);
            if (key.Length == 0)
            {
                return;
            }
            if (byTitle.TryGetValue(key, out var known))
            {
                if (known is not null && !string.Equals(known, id, StringComparison.Ordinal))
                {
                    byTitle[key] = null; // ambiguous: two arXiv papers share this title
                }
            }
            else
            {
                byTitle[key] = id;
            }
        }
        foreach (var p in existing.Papers)
        {
            NoteTitle(p.Id, p.Title);
        }
        foreach (var e in observations)
        {
            NoteTitle(e.Paper.Id, e.Paper.Title);
        }
        var ambiguousReported = new HashSet<string>(StringComparer.Ordinal);
        string Target(string id, string title, string file, string? item)
        {
            if (!IsTitleId(id))
            {
                return id;
            }
            var key = PaperId.NormalizeTitle(title);
            if (byTitle.TryGetValue(key, out var arxiv))
            {
                if (arxiv is not null)
                {
                    return arxiv;
                }
                if (ambiguousReported.Add(id))
                {
                    diagnostics.Add(new Diagnostic(Severity.Info, file, item,
                        $"'{title}' has no arXiv id and several arXiv papers share its title; kept as {id}"));
                }
            }
            return id;
        }

        var existingById = new Dictionary<string, Paper>(StringComparer.Ordinal);
        var existingByTarget = new Dictionary<string, List<Paper>>(StringComparer.Ordinal);
        var idMap = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in existing.Papers)
        {
            existingById[p.Id] = p;
            var target = Target(p.Id, p.Title, ArchiveSourceName, p.Id);
            idMap[p.Id] = target;
            if (!existingByTarget.TryGetValue(target, out var list))
            {
                existingByTarget[target] = list = [];
            }
            list.Add(p);
            if (!string.Equals(target, p.Id, StringComparison.Ordinal))
            {
                diagnostics.Add(new Diagnostic(Severity.Info, ArchiveSourceName, p.Id,
                    $"archived paper {p.Id} ('{p.Title}') is arXiv {target}; merged into that record"));
            }
        }

        var groups = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        foreach (var e in observations)
        {
            var target = Target(e.Paper.Id, e.Paper.Title, e.File, e.Item);
            e.Target = target;
            if (!groups.TryGetValue(target, out var list))
            {
                groups[target] = list = [];
            }
            list.Add(e);
        }

        var allIds = existingByTarget.Keys.Concat(groups.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var papers = new List<Paper>(allIds.Count);
        var newPapers = 0;
        var updatedPapers = 0;
        foreach (var id in allIds)
        {
            existingByTarget.TryGetValue(id, out var bases);
            groups.TryGetValue(id, out var entries);
            var merged = MergeOne(id, bases, entries, diagnostics);
            papers.Add(merged);
            if (bases is null)
            {
                newPapers++;
            }
            else if (bases.Count != 1 || !bases[0].Equals(merged))
            {
                updatedPapers++;
            }
        }

        var days = BuildDays(existing, idMap, ordered, observations);
        return new MergeResult(new ArchiveModel(papers.ToValueList(), days), newPapers, updatedPapers, diagnostics);
    }

    private static bool IsTitleId(string id) => id.StartsWith(PaperId.TitlePrefix, StringComparison.Ordinal);

    private static DateOnly Recency(Paper p, ListingReadResult r)
    {
        if (p.ListedOn.Count > 0)
        {
            return p.ListedOn[^1];
        }
        if (r.ListingDate is { } d)
        {
            return d;
        }
        if (p.Snapshots.Count > 0)
        {
            return p.Snapshots.Max(s => s.Date);
        }
        return p.PublishedOn ?? DateOnly.MinValue;
    }

    private static Paper MergeOne(string id, List<Paper>? bases, List<Entry>? entries, List<Diagnostic> diagnostics)
    {
        // Base: the archived record under this id first, then archived t- records that join it.
        var orderedBases = (bases ?? [])
            .OrderBy(p => string.Equals(p.Id, id, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
        var sorted = (entries ?? []).ToList();
        sorted.Sort(TrustOrder.Instance);

        var listed = new SortedSet<DateOnly>();
        var snapshots = new SortedDictionary<DateOnly, CountSnapshot>();
        var state = new MergeFieldState();

        foreach (var b in orderedBases)
        {
            // Later bases only fill gaps: the record already under this id is the archive's word.
            state.Fill(b, ArchiveSourceName, overwrite: false);
            Accumulate(b, listed, snapshots);
        }
        foreach (var e in sorted)
        {
            state.Apply(e.Paper, e.File, e.Item, diagnostics);
            Accumulate(e.Paper, listed, snapshots);
        }

        var isArxiv = !IsTitleId(id);
        return state.Build(id, isArxiv ? id : null, listed, snapshots);
    }

    private static void Accumulate(Paper p, SortedSet<DateOnly> listed, SortedDictionary<DateOnly, CountSnapshot> snapshots)
    {
        foreach (var d in p.ListedOn)
        {
            listed.Add(d);
        }
        foreach (var s in p.Snapshots)
        {
            snapshots[s.Date] = snapshots.TryGetValue(s.Date, out var had)
                ? new CountSnapshot(s.Date, Max(had.Upvotes, s.Upvotes), Max(had.Comments, s.Comments))
                : s;
        }
    }

    private static int? Max(int? a, int? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static ValueList<DayListing> BuildDays(
        ArchiveModel existing, Dictionary<string, string> idMap, List<ListingReadResult> ordered, List<Entry> observations)
    {
        var days = new SortedDictionary<DateOnly, DayBuilder>();
        DayBuilder Day(DateOnly d)
        {
            if (!days.TryGetValue(d, out var b))
            {
                days[d] = b = new DayBuilder();
            }
            return b;
        }

        foreach (var day in existing.Days)
        {
            var b = Day(day.Date);
            foreach (var pid in day.PaperIds)
            {
                b.Add(idMap.TryGetValue(pid, out var mapped) ? mapped : pid);
            }
        }

        // Daily sources: richest kind first, then the canonical result order.
        var byResult = observations.GroupBy(e => e.ResultIndex).ToDictionary(g => g.Key, g => g.ToList());
        var dailyOrder = Enumerable.Range(0, ordered.Count)
            .Where(i => ordered[i].IsDailyListing)
            .OrderByDescending(i => ordered[i].Kind ?? SourceKind.PageText)
            .ThenBy(i => i)
            .ToList();
        foreach (var r in dailyOrder)
        {
            if (!byResult.TryGetValue(r, out var list))
            {
                continue;
            }
            foreach (var e in list)
            {
                if (e.Paper.ListedOn.Count > 0)
                {
                    foreach (var d in e.Paper.ListedOn)
                    {
                        Day(d).Add(e.Target!);
                    }
                }
                else if (ordered[r].ListingDate is { } fileDay)
                {
                    Day(fileDay).Add(e.Target!);
                }
            }
        }

        foreach (var e in observations.Where(e => !e.Daily))
        {
            foreach (var d in e.Paper.ListedOn)
            {
                if (days.TryGetValue(d, out var b))
                {
                    b.Add(e.Target!);
                }
            }
        }

        return days.Where(kv => kv.Value.Ids.Count > 0)
            .Select(kv => new DayListing(kv.Key, kv.Value.Ids.ToValueList()))
            .ToValueList();
    }

    private sealed class DayBuilder
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public List<string> Ids { get; } = [];

        public void Add(string id)
        {
            if (_seen.Add(id))
            {
                Ids.Add(id);
            }
        }
    }

    /// <summary>One observation with where it came from and its place in the trust order.</summary>
    private sealed class Entry(Paper paper, SourceKind kind, string file, string item, int resultIndex, int itemIndex, bool daily, DateOnly recency)
    {
        public Paper Paper { get; } = paper;
        public SourceKind Kind { get; } = kind;
        public string File { get; } = file;
        public string Item { get; } = item;
        public int ResultIndex { get; } = resultIndex;
        public int ItemIndex { get; } = itemIndex;
        public bool Daily { get; } = daily;
        public DateOnly Recency { get; } = recency;
        public string? Target { get; set; }
    }

    /// <summary>Least trusted first: kind (enum order), then older listing day, then file and position.</summary>
    private sealed class TrustOrder : IComparer<Entry>
    {
        public static readonly TrustOrder Instance = new();

        public int Compare(Entry? x, Entry? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }
            if (x is null || y is null)
            {
                return x is null ? -1 : 1;
            }
            var c = x.Kind.CompareTo(y.Kind);
            if (c == 0) c = x.Recency.CompareTo(y.Recency);
            if (c == 0) c = x.ResultIndex.CompareTo(y.ResultIndex); // canonical order: path ordinal, then content
            if (c == 0) c = x.ItemIndex.CompareTo(y.ItemIndex);
            return c;
        }
    }

    /// <summary>Canonical order of results, independent of the order they were read in.</summary>
    private sealed class ResultOrder : IComparer<ListingReadResult>
    {
        public static readonly ResultOrder Instance = new();

        public int Compare(ListingReadResult? x, ListingReadResult? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }
            if (x is null || y is null)
            {
                return x is null ? -1 : 1;
            }
            var c = string.CompareOrdinal(x.File, y.File);
            if (c == 0) c = Nullable.Compare(x.Kind, y.Kind);
            if (c == 0) c = Nullable.Compare(x.ListingDate, y.ListingDate);
            if (c == 0) c = x.IsDailyListing.CompareTo(y.IsDailyListing);
            if (c == 0) c = x.Observations.Count.CompareTo(y.Observations.Count);
            for (var i = 0; c == 0 && i < x.Observations.Count; i++)
            {
                var a = x.Observations[i]?.Paper;
                var b = y.Observations[i]?.Paper;
                if (a is null || b is null)
                {
                    c = (a is null ? 0 : 1) - (b is null ? 0 : 1);
                    continue;
                }
                c = string.CompareOrdinal(a.Id, b.Id);
                if (c == 0) c = string.CompareOrdinal(a.Title, b.Title);
                if (c == 0) c = string.CompareOrdinal(a.Abstract, b.Abstract);
                if (c == 0) c = Nullable.Compare(a.Upvotes, b.Upvotes);
                if (c == 0) c = Nullable.Compare(a.Comments, b.Comments);
                if (c == 0) c = Nullable.Compare(a.AuthorTotal, b.AuthorTotal);
                if (c == 0) c = string.CompareOrdinal(x.Observations[i].Item, y.Observations[i].Item);
            }
            return c;
        }
    }
}
