using PaperArchive.Common;
using PaperArchive.Ingest;
using PaperArchive.Model;
using PaperArchive.Tests.Ingest.Json;

namespace PaperArchive.Tests.Ingest.Merge;

public class PaperMergerTests
{
    private static readonly DateOnly D1 = new(2026, 1, 5);
    private static readonly DateOnly D2 = new(2026, 1, 6);
    private static readonly DateOnly D3 = new(2026, 1, 7);

    internal static Paper P(string id, string title, DateOnly? day = null, int? up = null, int? com = null) => new()
    {
        Id = id,
        ArxivId = PaperId.IsArxivId(id) ? id : null,
        Title = title,
        ListedOn = day is { } d ? ValueList.Of(d) : ValueList<DateOnly>.Empty,
        Snapshots = day is { } s && (up is not null || com is not null) ? ValueList.Of(new CountSnapshot(s, up, com)) : ValueList<CountSnapshot>.Empty,
    };

    internal static ListingReadResult Daily(string file, SourceKind kind, DateOnly day, params Paper[] papers) =>
        new(file, kind, day, true, papers.Select((p, i) => new Observation(p, kind, file, "item " + (i + 1))).ToList(), []);

    internal static ListingReadResult SearchCopy(string file, params Paper[] papers) =>
        new(file, SourceKind.PageText, null, false, papers.Select((p, i) => new Observation(p, SourceKind.PageText, file, "line " + (i * 10 + 1))).ToList(), []);

    [Fact]
    public void Same_paper_on_two_days_has_both_days_and_the_newer_snapshot_is_current()
    {
        // No arXiv id appears on two different days in the real fixtures (checked with a script over
        // every item; the only repeat is 2608.13558 in 2026-08-20.json and EXAMPLE_item.json, same day),
        // so the second day is the real EXAMPLE_item.json re-dated to 2026-08-21 with later counts.
        var original = File.ReadAllText(HfApiFixtures.PathOf("EXAMPLE_item.json"));
        var redated = original
            .Replace("\"submittedOnDailyAt\": \"2026-08-20T00:00:00.000Z\"", "\"submittedOnDailyAt\": \"2026-08-21T00:00:00.000Z\"", StringComparison.Ordinal)
            .Replace("\"upvotes\": 54", "\"upvotes\": 80", StringComparison.Ordinal);
        Assert.NotEqual(original, redated);
        var results = new[]
        {
            HfApiFixtures.Read("2026-08-20.json"),
            HfApiFixtures.Read("EXAMPLE_item.json"),
            ListingReader.ReadText(redated, "later/2026-08-21.json"),
        };
        var merged = PaperMerger.Merge(ArchiveModel.Empty, results);
        var p = Assert.Single(merged.Archive.Papers, x => x.Id == "2608.13558");
        Assert.Equal(ValueList.Of(new DateOnly(2026, 8, 20), new DateOnly(2026, 8, 21)), p.ListedOn);
        Assert.Equal(
            ValueList.Of(new CountSnapshot(new DateOnly(2026, 8, 20), 54, 2), new CountSnapshot(new DateOnly(2026, 8, 21), 80, 2)),
            p.Snapshots);
        Assert.Equal(80, p.Upvotes);
        Assert.Equal(15, merged.Archive.Papers.Count); // 2026-08-20.json has 15 items, EXAMPLE_item is one of them
        Assert.Equal([new DateOnly(2026, 8, 20), new DateOnly(2026, 8, 21)], merged.Archive.Days.Select(d => d.Date));
        Assert.Equal(ValueList.Of("2608.13558"), merged.Archive.Days[1].PaperIds);
        Assert.Equal(15, merged.NewPapers);
    }

    [Fact]
    public void Real_html_listing_and_api_file_of_one_day_merge()
    {
        // Both saved 2024-08-01. Python over the two files: API order
        // [2407.21783, .21705, .21646, .21770, .21630, .21772, .21530, .21721, .21475, .21781, .21686]
        // (2407.21783 with upvotes 49, comments 4); the page's hydration JSON has 13 papers in vote order,
        // two of them not in the API file (2407.20229, 2404.01300), and 2407.21783 at 94 upvotes, 5 comments.
        var fixtures = Path.GetDirectoryName(HfApiFixtures.Dir)!;
        var html = ListingReader.Read(Path.Combine(fixtures, "hf-html", "papers-listing-2024-08-01.html"));
        var api = HfApiFixtures.Read("2024-08-01.json");
        var merged = PaperMerger.Merge(ArchiveModel.Empty, [html, api]);
        Assert.Equal(13, merged.Archive.Papers.Count);
        var day = Assert.Single(merged.Archive.Days);
        Assert.Equal(new DateOnly(2024, 8, 1), day.Date);
        Assert.Equal(
            ["2407.21783", "2407.21705", "2407.21646", "2407.21770", "2407.21630", "2407.21772", "2407.21530", "2407.21721",
             "2407.21475", "2407.21781", "2407.21686", "2407.20229", "2404.01300"],
            day.PaperIds);
        var llama = merged.Archive.Papers.Single(p => p.Id == "2407.21783");
        Assert.Equal("The Llama 3 Herd of Models", llama.Title);
        Assert.Equal(533, llama.AuthorTotal);
        Assert.Equal(94, llama.Upvotes);   // the page is the later snapshot
        Assert.Equal(5, llama.Comments);
        Assert.Contains(llama.Snapshots, s => s == new CountSnapshot(new DateOnly(2024, 8, 1), 49, 4));
        Assert.DoesNotContain(merged.Diagnostics, d => d.Severity == Severity.Warning);
    }

    [Fact]
    public void All_fixtures_merge_into_one_record_per_paper_sorted()
    {
        var results = HfApiFixtures.ReadAll();
        var merged = PaperMerger.Merge(ArchiveModel.Empty, results);
        // 718 items in 43 files; 2608.13558 is there twice (2026-08-20.json and EXAMPLE_item.json) → 717 papers.
        Assert.Equal(717, merged.Archive.Papers.Count);
        Assert.Equal(merged.Archive.Papers.Select(p => p.Id).Order(StringComparer.Ordinal), merged.Archive.Papers.Select(p => p.Id));
        // 42 distinct days: every file has its own day except EXAMPLE_item.json (2026-08-20 again).
        Assert.Equal(42, merged.Archive.Days.Count);
        Assert.Equal(merged.Archive.Days.Select(d => d.Date).Order(), merged.Archive.Days.Select(d => d.Date));
        Assert.Empty(merged.Diagnostics);
        // The day keeps the API's order: 2024-12-11.json item 1 is 2412.07730 (python: ast.literal_eval(d[0])['paper']['id']).
        var day = merged.Archive.Days.Single(d => d.Date == new DateOnly(2024, 12, 11));
        Assert.Equal(26, day.PaperIds.Count);
        Assert.Equal("2412.07730", day.PaperIds[0]);
        Assert.All(merged.Archive.Papers, p => Assert.All(p.ListedOn, d =>
            Assert.Contains(p.Id, merged.Archive.Days.Single(x => x.Date == d).PaperIds)));
    }

    [Fact]
    public void Same_date_snapshots_keep_the_larger_counts_sorted_ascending()
    {
        var results = new[]
        {
            Daily("b.json", SourceKind.ApiJson, D2, P("2401.00001", "T", D2, up: 10, com: 1)),
            Daily("a.json", SourceKind.ApiJson, D2, P("2401.00001", "T", D2, up: 25, com: 0)), // later scrape, more upvotes
            Daily("c.json", SourceKind.ApiJson, D1, P("2401.00001", "T", D1, up: 3, com: 0)),
        };
        var p = Assert.Single(PaperMerger.Merge(ArchiveModel.Empty, results).Archive.Papers);
        Assert.Equal(ValueList.Of(new CountSnapshot(D1, 3, 0), new CountSnapshot(D2, 25, 1)), p.Snapshots);
        Assert.Equal(25, p.Upvotes);
        Assert.Equal(ValueList.Of(D1, D2), p.ListedOn);
    }

    [Fact]
    public void Paper_without_arxiv_id_joins_the_arxiv_record_with_the_same_title()
    {
        var api = P("2510.00001", "PixelRefer: A Unified Framework", D1, up: 30, com: 2) with { Abstract = "From the API.", AuthorCount = 4 };
        var copied = P(PaperId.FromTitle("pixelrefer a unified\n framework"), "pixelrefer a unified framework") with
        {
            Abstract = "From a text copy.",
            Organization = "Alibaba",
            Snapshots = ValueList.Of(new CountSnapshot(D3, null, 5)),
        };
        var lonely = P(PaperId.FromTitle("Only In The Copy"), "Only In The Copy");
        var merged = PaperMerger.Merge(ArchiveModel.Empty,
            [SearchCopy("seed.txt", copied, lonely), Daily("2026-01-05.json", SourceKind.ApiJson, D1, api)]);

        Assert.Equal(2, merged.Archive.Papers.Count);
        var p = merged.Archive.Papers.Single(x => x.Id == "2510.00001");
        Assert.Equal("PixelRefer: A Unified Framework", p.Title);  // API is more trusted
        Assert.Equal("From the API.", p.Abstract);
        Assert.Equal("Alibaba", p.Organization);                     // filled from the poorer source
        Assert.Equal(4, p.AuthorCount);
        Assert.Equal(ValueList.Of(new CountSnapshot(D1, 30, 2), new CountSnapshot(D3, null, 5)), p.Snapshots);
        Assert.Equal(5, p.Comments);
        Assert.Equal(30, p.Upvotes);
        Assert.Equal(ValueList.Of(D1), p.ListedOn);                 // the search copy adds no listing day
        Assert.Contains(merged.Archive.Papers, x => x.Id == lonely.Id && x.ArxivId is null);
        Assert.Equal([D1], merged.Archive.Days.Select(d => d.Date)); // and no DayListing
    }

    [Fact]
    public void Two_arxiv_papers_with_one_title_leave_the_copy_alone_and_say_so()
    {
        var copy = P(PaperId.FromTitle("Introduction"), "Introduction");
        var merged = PaperMerger.Merge(ArchiveModel.Empty,
        [
            Daily("d.json", SourceKind.ApiJson, D1, P("2401.00001", "Introduction", D1), P("2401.00002", "introduction", D1)),
            SearchCopy("copy.txt", copy),
        ]);
        Assert.Equal(3, merged.Archive.Papers.Count);
        Assert.Contains(merged.Diagnostics, d => d.Severity == Severity.Info && d.File == "copy.txt" && d.Message.Contains("several arXiv papers"));
    }

    [Fact]
    public void Conflicting_titles_resolve_by_kind_then_newer_day_and_are_reported_naming_both_files()
    {
        var results = new[]
        {
            Daily("2026-01-07.json", SourceKind.ApiJson, D3, P("2401.00001", "Newer API Title", D3)),
            Daily("2026-01-05.json", SourceKind.ApiJson, D1, P("2401.00001", "Older API Title", D1)),
            Daily("page-2026-01-09.html", SourceKind.ListingHtml, new DateOnly(2026, 1, 9), P("2401.00001", "HTML Title", new DateOnly(2026, 1, 9))),
        };
        var merged = PaperMerger.Merge(ArchiveModel.Empty, results);
        Assert.Equal("Newer API Title", Assert.Single(merged.Archive.Papers).Title);
        var warnings = merged.Diagnostics.Where(d => d.Severity == Severity.Warning).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Contains("title differs", w.Message));
        Assert.Contains(warnings, w => w.File == "2026-01-07.json" && w.Message.Contains("2026-01-05.json"));
        Assert.Contains(warnings, w => w.Message.Contains("page-2026-01-09.html"));
    }

    [Fact]
    public void Richer_sources_fill_fields_and_the_richest_newest_wins_scalars()
    {
        var html = P("2401.00001", "T", D3, up: 50) with { GithubStars = 999, AuthorCount = 3, Thumbnail = "https://h/t.png" };
        var apiOld = P("2401.00001", "T", D1, up: 5) with { GithubStars = 10, Authors = ValueList.Of(new Author("A"), new Author("B"), new Author("C")), AuthorCount = 3 };
        var apiNew = P("2401.00001", "T", D2, up: 20) with { GithubStars = 40, AiSummary = "sum" };
        var merged = PaperMerger.Merge(ArchiveModel.Empty,
        [
            Daily("x.html", SourceKind.ListingHtml, D3, html),
            Daily("new.json", SourceKind.ApiJson, D2, apiNew),
            Daily("old.json", SourceKind.ApiJson, D1, apiOld),
        ]);
        var p = Assert.Single(merged.Archive.Papers);
        Assert.Equal(40, p.GithubStars);          // API beats HTML, newer API day beats older
        Assert.Equal(3, p.Authors.Count);         // only the old API scrape had names
        Assert.Equal("sum", p.AiSummary);
        Assert.Equal("https://h/t.png", p.Thumbnail);
        Assert.Equal(50, p.Upvotes);              // counts follow dates, not trust
        Assert.Equal(ValueList.Of(D1, D2, D3), p.ListedOn);
    }

    [Fact]
    public void Author_accounts_known_to_any_source_are_kept_when_names_agree()
    {
        var older = P("2401.00001", "T", D1) with { Authors = ValueList.Of(new Author("A", "a1"), new Author("B")) };
        var newer = P("2401.00001", "T", D2) with { Authors = ValueList.Of(new Author("A"), new Author("B", "b2")) };
        var p = Assert.Single(PaperMerger.Merge(ArchiveModel.Empty,
            [Daily("1.json", SourceKind.ApiJson, D1, older), Daily("2.json", SourceKind.ApiJson, D2, newer)]).Archive.Papers);
        Assert.Equal([new Author("A", "a1"), new Author("B", "b2")], p.Authors);
    }

    [Fact]
    public void Day_listings_union_files_of_the_same_day_richest_first_and_ignore_search_copies()
    {
        var merged = PaperMerger.Merge(ArchiveModel.Empty,
        [
            Daily("z-listing.html", SourceKind.ListingHtml, D1, P("2401.00003", "C", D1), P("2401.00001", "A", D1), P("2401.00004", "D", D1)),
            Daily("a-api.json", SourceKind.ApiJson, D1, P("2401.00001", "A", D1), P("2401.00002", "B", D1), P("2401.00003", "C", D1)),
            SearchCopy("copy.txt", P("2401.00009", "Searched", null)),
        ]);
        var day = Assert.Single(merged.Archive.Days);
        Assert.Equal(D1, day.Date);
        Assert.Equal(ValueList.Of("2401.00001", "2401.00002", "2401.00003", "2401.00004"), day.PaperIds);
        Assert.Equal(5, merged.Archive.Papers.Count);
    }

    [Fact]
    public void Existing_papers_are_kept_and_counted_as_new_or_updated()
    {
        var kept = P("2301.00001", "Archived Long Ago", new DateOnly(2023, 1, 2), up: 7) with { Abstract = "Old." };
        var changed = P("2401.00001", "Will Change", D1, up: 1);
        var titled = P(PaperId.FromTitle("Found Later"), "Found Later") with { Organization = "Org" };
        var existing = new ArchiveModel(
            ValueList.Of(kept, changed, titled).OrderBy(p => p.Id, StringComparer.Ordinal).ToValueList(),
            ValueList.Of(new DayListing(new DateOnly(2023, 1, 2), ValueList.Of("2301.00001")), new DayListing(D1, ValueList.Of("2401.00001"))));
        var merged = PaperMerger.Merge(existing,
        [
            Daily("2026-01-06.json", SourceKind.ApiJson, D2, P("2401.00001", "Will Change", D2, up: 9), P("2402.00002", "Found later", D2), P("2403.00003", "Brand New", D2)),
        ]);
        var ids = merged.Archive.Papers.Select(p => p.Id).ToList();
        Assert.Equal(["2301.00001", "2401.00001", "2402.00002", "2403.00003"], ids);
        Assert.Equal(kept, merged.Archive.Papers[0]);                                // untouched
        Assert.Equal(ValueList.Of(D1, D2), merged.Archive.Papers[1].ListedOn);
        Assert.Equal("Org", merged.Archive.Papers[2].Organization);                  // the t- record joined its arXiv id
        Assert.Contains(merged.Diagnostics, d => d.Severity == Severity.Info && d.Message.Contains(titled.Id) && d.Message.Contains("2402.00002"));
        Assert.Equal(1, merged.NewPapers);     // 2403.00003
        Assert.Equal(2, merged.UpdatedPapers); // 2401.00001 changed, t- record became 2402.00002
        Assert.Equal([new DateOnly(2023, 1, 2), D1, D2], merged.Archive.Days.Select(d => d.Date));
    }

    [Fact]
    public void Merging_again_with_the_same_input_changes_nothing()
    {
        var results = HfApiFixtures.ReadAll();
        var first = PaperMerger.Merge(ArchiveModel.Empty, results);
        var second = PaperMerger.Merge(first.Archive, results);
        Assert.Equal(first.Archive, second.Archive);
        Assert.Equal(0, second.NewPapers);
        Assert.Equal(0, second.UpdatedPapers);
    }
}
