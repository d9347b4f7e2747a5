using FsCheck.Xunit;
using PaperArchive.Ingest;
using PaperArchive.Model;
using PaperArchive.Tests.Ingest.Json;
using static PaperArchive.Tests.Ingest.Merge.PaperMergerTests;

namespace PaperArchive.Tests.Ingest.Merge;

public class PaperMergerPropertyTests
{
    private static readonly Lazy<IReadOnlyList<ListingReadResult>> Inputs = new(() =>
    {
        // Every API fixture plus synthetic sources that exercise the other rules: a poorer daily source
        // on an API day with a different order, a copied search listing whose titles match API papers,
        // and a conflicting title.
        var api = HfApiFixtures.ReadAll();
        var day = new DateOnly(2024, 12, 11);
        var some = api.Single(r => r.File.EndsWith("2024-12-11.json", StringComparison.Ordinal)).Observations.Take(4).Select(o => o.Paper).ToList();
        var html = Daily("listing-2024-12-11.html", SourceKind.ListingHtml, day,
            some.AsEnumerable().Reverse().Select(p => P(p.Id, p.Title, day, up: (p.Upvotes ?? 0) + 3)).ToArray());
        var copy = SearchCopy("copy.txt",
            P(PaperId.FromTitle(some[0].Title), some[0].Title.ToUpperInvariant()) with { Organization = "Org" },
            P(PaperId.FromTitle("Nowhere Else"), "Nowhere Else"));
        var conflict = Daily("other-2024-12-12.json", SourceKind.ApiJson, day.AddDays(1), P(some[1].Id, "A Different Title", day.AddDays(1), up: 1));
        return (IReadOnlyList<ListingReadResult>)[.. api, html, copy, conflict];
    });

    private static readonly Lazy<MergeResult> Baseline = new(() => PaperMerger.Merge(ArchiveModel.Empty, Inputs.Value));

    private static List<T> Shuffle<T>(IEnumerable<T> items, int seed)
    {
        var list = items.ToList();
        var rng = new Random(seed);
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }

    [Property(Replay = "(31337,4711)", MaxTest = 25)]
    public void Shuffled_input_gives_the_identical_result(int seed)
    {
        var shuffled = PaperMerger.Merge(ArchiveModel.Empty, Shuffle(Inputs.Value, seed));
        var baseline = Baseline.Value;
        Assert.Equal(baseline.Archive, shuffled.Archive);
        Assert.Equal(baseline.NewPapers, shuffled.NewPapers);
        Assert.Equal(baseline.UpdatedPapers, shuffled.UpdatedPapers);
        Assert.Equal(baseline.Diagnostics, shuffled.Diagnostics);
    }

    [Property(Replay = "(2718,2819)", MaxTest = 25)]
    public void Existing_papers_are_never_dropped(int seed)
    {
        var shuffled = Shuffle(Inputs.Value, seed);
        var cut = Math.Abs(seed % shuffled.Count);
        var earlier = PaperMerger.Merge(ArchiveModel.Empty, shuffled.Take(cut)).Archive;
        var later = PaperMerger.Merge(earlier, shuffled.Skip(cut)).Archive;
        var ids = later.Papers.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var p in earlier.Papers)
        {
            // A title-only record may have joined its arXiv record, which then carries its title.
            Assert.True(ids.Contains(p.Id)
                || (p.ArxivId is null && later.Papers.Any(q => q.ArxivId is not null && PaperId.NormalizeTitle(q.Title) == PaperId.NormalizeTitle(p.Title))),
                p.Id);
        }
        foreach (var d in earlier.Days)
        {
            var again = Assert.Single(later.Days, x => x.Date == d.Date);
            Assert.True(d.PaperIds.All(id => again.PaperIds.Contains(id) || !ids.Contains(id)));
        }
        // Merging in two steps ends where merging at once does.
        Assert.Equal(Baseline.Value.Archive.Papers.Select(p => p.Id), later.Papers.Select(p => p.Id));
    }
}
