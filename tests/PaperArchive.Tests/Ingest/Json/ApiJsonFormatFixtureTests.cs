using PaperArchive.Common;
using PaperArchive.Ingest;
using PaperArchive.Ingest.Json;
using PaperArchive.Model;

namespace PaperArchive.Tests.Ingest.Json;

/// <summary>
/// Every real API fixture imports; the expected literals below were read independently from the
/// files with Python (<c>json.load</c>, and <c>ast.literal_eval</c> for the repr strings), e.g.
/// <c>python3 -c "import json,ast; d=json.load(open('2024-12-11.json')); print(ast.literal_eval(d[0])['paper']['id'])"</c>.
/// </summary>
public class ApiJsonFormatFixtureTests
{
    // python3: {f: len(items(f)) for f in sorted(glob('*.json'))}, items = the list, wrapper["data"] or [the single item]
    public static TheoryData<string, int> Counts => new()
    {
        { "2024-06-03.json", 6 }, { "2024-06-04.json", 6 }, { "2024-06-05.json", 8 }, { "2024-06-11.json", 14 },
        { "2024-06-12.json", 16 }, { "2024-08-01.json", 11 }, { "2024-08-02.json", 16 }, { "2024-12-11.json", 26 },
        { "2024-12-20.json", 16 }, { "2025-01-10.json", 9 }, { "2025-03-17.json", 12 }, { "2025-05-22.json", 27 },
        { "2025-06-25.json", 14 }, { "2025-09-29.json", 30 }, { "2025-10-03.json", 39 }, { "2026-07-01.json", 23 },
        { "2026-07-02.json", 23 }, { "2026-07-03.json", 20 }, { "2026-07-06.json", 9 }, { "2026-07-07.json", 27 },
        { "2026-07-08.json", 27 }, { "2026-07-09.json", 7 }, { "2026-07-10.json", 19 }, { "2026-07-13.json", 13 },
        { "2026-07-14.json", 12 }, { "2026-07-15.json", 2 }, { "2026-07-16.json", 16 }, { "2026-07-17.json", 20 },
        { "2026-07-20.json", 18 }, { "2026-07-21.json", 25 }, { "2026-07-22.json", 21 }, { "2026-07-23.json", 15 },
        { "2026-07-24.json", 16 }, { "2026-07-27.json", 14 }, { "2026-07-28.json", 25 }, { "2026-07-29.json", 20 },
        { "2026-07-30.json", 16 }, { "2026-07-31.json", 34 }, { "2026-08-20.json", 15 }, { "EXAMPLE_item.json", 1 },
        { "daily_papers_2024-03-12.json", 9 }, { "daily_papers_2024-03-20.json", 13 }, { "daily_papers_2024-04-04.json", 8 },
    };

    [Fact]
    public void Every_fixture_is_covered_by_the_count_table()
    {
        var names = HfApiFixtures.All.Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        var table = Counts.Select(row => (string)row[0]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(table, names);
    }

    [Theory]
    [MemberData(nameof(Counts))]
    public void Fixture_imports_every_item_without_errors_or_warnings(string name, int expected)
    {
        var result = HfApiFixtures.Read(name);
        Assert.Equal(SourceKind.ApiJson, result.Kind);
        Assert.True(result.IsDailyListing);
        Assert.False(result.Failed);
        // The only warning the real data earns: none. (Links are all http(s), every item complete.)
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity != Severity.Info);
        Assert.Equal(expected, result.Observations.Count);
        Assert.All(result.Observations, o =>
        {
            Assert.True(PaperId.IsArxivId(o.Paper.Id), o.Paper.Id);
            Assert.Equal(o.Paper.Id, o.Paper.ArxivId);
            Assert.DoesNotContain('\n', o.Paper.Title);
            Assert.DoesNotContain("  ", o.Paper.Title);
            Assert.DoesNotContain("\n  ", o.Paper.Abstract ?? "");
            Assert.Single(o.Paper.ListedOn);
            Assert.Equal(result.ListingDate, o.Paper.ListedOn[0]);
            Assert.Single(o.Paper.Snapshots);
            Assert.Equal(o.Paper.Authors.Count, o.Paper.AuthorCount);
            Assert.Equal(SourceKind.ApiJson, o.Kind);
            Assert.Equal(result.File, o.File);
        });
    }

    [Fact]
    public void Python_repr_file_is_parsed_properly()
    {
        // 2024-12-11.json is an array of repr() strings; item 1 (index 0):
        // id 2412.07730, title 'STIV: Scalable Text and Image Conditioned Video Generation', 17 authors,
        // first 'Zongyu Lin'; 'Jiasen Lu' claimed as 'Jiasenlu'; upvotes 54, numComments 2;
        // submittedBy.name 'yyf86'; paper.publishedAt 2024-12-10T18:27:06.000Z; no submittedOnDailyAt.
        var result = HfApiFixtures.Read("2024-12-11.json");
        Assert.Equal(new DateOnly(2024, 12, 11), result.ListingDate);
        var p = result.Observations[0].Paper;
        Assert.Equal("item 1", result.Observations[0].Item);
        Assert.Equal("2412.07730", p.Id);
        Assert.Equal("STIV: Scalable Text and Image Conditioned Video Generation", p.Title);
        Assert.Equal(17, p.Authors.Count);
        Assert.Equal(new Author("Zongyu Lin"), p.Authors[0]);
        Assert.Equal(new Author("Jiasen Lu", "Jiasenlu"), p.Authors[3]);
        Assert.Equal(ValueList.Of(new CountSnapshot(new DateOnly(2024, 12, 11), 54, 2)), p.Snapshots);
        Assert.Equal("yyf86", p.SubmittedBy);
        Assert.Equal(new DateOnly(2024, 12, 10), p.PublishedOn);
        Assert.StartsWith("The field of video generation has made remarkable advancements, yet there remain", p.Abstract);
        Assert.EndsWith("and reliable video generation solutions.", p.Abstract);
        Assert.Equal("https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2412.07730.png", p.Thumbnail);
    }

    [Fact]
    public void Listing_day_is_the_file_day_not_the_drifting_top_level_publishedAt()
    {
        // 2024-12-11.json item 5 (2412.04653): top-level publishedAt is 2024-12-10, the file is the 2024-12-11 list.
        var p = HfApiFixtures.Read("2024-12-11.json").Observations[4].Paper;
        Assert.Equal("2412.04653", p.Id);
        Assert.Equal(ValueList.Of(new DateOnly(2024, 12, 11)), p.ListedOn);
        Assert.Equal(new DateOnly(2024, 12, 5), p.PublishedOn);
    }

    [Fact]
    public void Wrapper_file_with_repr_strings()
    {
        // 2025-01-10.json: {"status":"success","date":"2025-01-10","count":9,"data":[repr strings]}; item 9:
        // 2501.04828, first author 'Şaziye Betül Özateş' (claimed 'sbozates'), 7 authors, upvotes 6, comments 2,
        // submittedBy.name 'stefan-it', mediaUrls ['https://cdn-uploads.huggingface.co/production/uploads/5e6a3d4ea9afd5125d9ec064/D52AtEF4DHULixVWrFgut.png'].
        var result = HfApiFixtures.Read("2025-01-10.json");
        Assert.Equal(new DateOnly(2025, 1, 10), result.ListingDate);
        var p = result.Observations[8].Paper;
        Assert.Equal("2501.04828", p.Id);
        Assert.Equal("Building Foundations for Natural Language Processing of Historical Turkish: Resources and Models", p.Title);
        Assert.Equal(new Author("Şaziye Betül Özateş", "sbozates"), p.Authors[0]);
        Assert.Equal(7, p.AuthorCount);
        Assert.Equal(6, p.Upvotes);
        Assert.Equal(2, p.Comments);
        Assert.Equal("stefan-it", p.SubmittedBy);
        Assert.Equal(ValueList.Of("https://cdn-uploads.huggingface.co/production/uploads/5e6a3d4ea9afd5125d9ec064/D52AtEF4DHULixVWrFgut.png"), p.MediaUrls);
    }

    [Fact]
    public void Oldest_era_mediaUrl_and_no_submitter()
    {
        // daily_papers_2024-03-12.json item 1: 2403.06634 'Stealing Part of a Production Language Model', 13 authors,
        // 'Nicholas Carlini' claimed 'carlini', upvotes 63, comments 3, mediaUrl (single) given, no submittedBy, no thumbnail.
        var result = HfApiFixtures.Read("daily_papers_2024-03-12.json");
        Assert.Equal(new DateOnly(2024, 3, 12), result.ListingDate);
        var p = result.Observations[0].Paper;
        Assert.Equal("2403.06634", p.Id);
        Assert.Equal("Stealing Part of a Production Language Model", p.Title);
        Assert.Equal(13, p.Authors.Count);
        Assert.Equal(new Author("Nicholas Carlini", "carlini"), p.Authors[0]);
        Assert.Equal(new Author("Krishnamurthy Dj Dvijotham"), p.Authors[2]);
        Assert.Equal(ValueList.Of(new CountSnapshot(new DateOnly(2024, 3, 12), 63, 3)), p.Snapshots);
        Assert.Null(p.SubmittedBy);
        Assert.Null(p.Thumbnail);
        Assert.Equal(ValueList.Of("https://cdn-uploads.huggingface.co/production/uploads/60f1abe7544c2adfd699860c/dhiUnxDGTRatavk4pKf9h.png"), p.MediaUrls);
        Assert.Equal(new DateOnly(2024, 3, 11), p.PublishedOn);
    }

    [Fact]
    public void Era_2025_05_has_ai_summary_keywords_and_github()
    {
        // 2025-05-22.json item 1: 2505.15277 'Web-Shepherd: …', 21 authors, upvotes 66, comments 2, submittedOnDailyAt
        // 2025-05-22T00:31:53.858Z, submittedOnDailyBy.user 'hyungjoochae', 12 ai_keywords starting
        // ['multimodal large language model', 'process reward model', 'web navigation'], githubRepo, no stars.
        var p = HfApiFixtures.Read("2025-05-22.json").Observations[0].Paper;
        Assert.Equal("2505.15277", p.Id);
        Assert.Equal("Web-Shepherd: Advancing PRMs for Reinforcing Web Agents", p.Title);
        Assert.Equal(21, p.AuthorCount);
        Assert.Equal(ValueList.Of(new DateOnly(2025, 5, 22)), p.ListedOn);
        Assert.Equal(66, p.Upvotes);
        Assert.Equal("hyungjoochae", p.SubmittedBy);
        Assert.StartsWith("The paper introduces Web-Shepherd, a process reward model for web navigation, which improves accura", p.AiSummary);
        Assert.Equal(12, p.AiKeywords.Count);
        Assert.Equal(["multimodal large language model", "process reward model", "web navigation"], p.AiKeywords.Take(3));
        Assert.Equal("https://github.com/kyle8581/Web-Shepherd", p.GithubRepo);
        Assert.Null(p.GithubStars);
        Assert.EndsWith("and code are publicly available at LINK.", p.Abstract);
    }

    [Fact]
    public void Era_2025_10_has_organization_and_stars()
    {
        // 2025-10-03.json item 1: 2510.02283 'Self-Forcing++: …', organization {name 'ByteDance-Seed', fullname 'ByteDance Seed'},
        // githubStars 1, projectPage 'https://self-forcing-plus-plus.github.io/', 2 mediaUrls (.mp4), 9 authors, 8 keywords.
        var p = HfApiFixtures.Read("2025-10-03.json").Observations[0].Paper;
        Assert.Equal("2510.02283", p.Id);
        Assert.Equal("Self-Forcing++: Towards Minute-Scale High-Quality Video Generation", p.Title);
        Assert.Equal("ByteDance Seed", p.Organization);
        Assert.Equal("ByteDance-Seed", p.OrganizationHandle);
        Assert.Equal(1, p.GithubStars);
        Assert.Equal("https://github.com/justincui03/Self-Forcing-Plus-Plus", p.GithubRepo);
        Assert.Equal("https://self-forcing-plus-plus.github.io/", p.ProjectPage);
        Assert.Equal(2, p.MediaUrls.Count);
        Assert.EndsWith("Fb3ffDmXrslDcQSJH51MW.mp4", p.MediaUrls[0]);
        Assert.Equal(9, p.AuthorCount);
        Assert.Equal(8, p.AiKeywords.Count);
        Assert.Equal(new DateOnly(2025, 10, 2), p.PublishedOn);
    }

    [Fact]
    public void Example_item_is_a_one_item_listing_with_every_field()
    {
        // EXAMPLE_item.json: one object; values read with jq '.paper.id, .paper.submittedOnDailyAt, .paper.upvotes, .numComments, …'
        var result = HfApiFixtures.Read("EXAMPLE_item.json");
        Assert.Equal(new DateOnly(2026, 8, 20), result.ListingDate);
        var p = Assert.Single(result.Observations).Paper;
        Assert.Equal("2608.13558", p.Id);
        Assert.Equal("OmniScientist: An Omni-Modal Omni-Discipline AI Scientist", p.Title);
        Assert.Equal(
            [new Author("Bobo Li"), new Author("Hao Fei", "scofield7419"), new Author("Tianjie Ju"), new Author("Mong-Li Lee"), new Author("Wynne Hsu")],
            p.Authors);
        Assert.Equal(new DateOnly(2026, 8, 13), p.PublishedOn);
        Assert.Equal(ValueList.Of(new CountSnapshot(new DateOnly(2026, 8, 20), 54, 2)), p.Snapshots);
        Assert.Equal("BradNLP", p.SubmittedBy);
        Assert.Equal("National University of Singapore", p.Organization);
        Assert.Equal("NationalUniversityofSingapore", p.OrganizationHandle);
        Assert.Equal("https://omni-scientist.github.io/", p.ProjectPage);
        Assert.Equal("https://github.com/Omni-Scientist/OmniScientist", p.GithubRepo);
        Assert.Equal(15, p.GithubStars);
        Assert.Equal(10, p.AiKeywords.Count);
        Assert.Equal("omni-modal AI scientist", p.AiKeywords[0]);
        Assert.StartsWith("OmniScientist is an end-to-end omni-modal AI scientist", p.AiSummary);
        Assert.Equal(ValueList.Of("https://cdn-uploads.huggingface.co/production/uploads/63490424667da7e6737f49a4/sR_1vtlxjk57gG-FRPlBP.mp4"), p.MediaUrls);
        Assert.StartsWith("Recent advances in foundation models have enabled AI scientists", p.Abstract);
        Assert.NotNull(p.Thumbnail);
    }

    [Fact]
    public void Hidden_authors_are_kept_in_order()
    {
        // 2026-07-21.json item 14: 2607.18227, authors [('Dingyun Zhang', hidden=True, user 'Laurentiis'),
        // ('Lixue Gong', False), ('Wei Liu', False)] — the only paper with a hidden author in the fixtures.
        var o = HfApiFixtures.Read("2026-07-21.json").Observations[13];
        Assert.Equal("item 14", o.Item);
        Assert.Equal("2607.18227", o.Paper.Id);
        Assert.Equal([new Author("Dingyun Zhang", "Laurentiis"), new Author("Lixue Gong"), new Author("Wei Liu")], o.Paper.Authors);
        Assert.Equal(3, o.Paper.AuthorCount);
        Assert.Equal("ByteDance Seed", o.Paper.Organization);
    }

    [Fact]
    public void Submitter_organization_of_2025_09_is_the_organisation()
    {
        // 2025-09-29.json item 1: 2509.22622 'LongLive: …', top-level submitterOrganization {name 'nvidia', fullname 'NVIDIA'},
        // no organization field yet; githubStars 137; projectPage 'https://nvlabs.github.io/LongLive/'.
        var p = HfApiFixtures.Read("2025-09-29.json").Observations[0].Paper;
        Assert.Equal("2509.22622", p.Id);
        Assert.Equal("NVIDIA", p.Organization);
        Assert.Equal("nvidia", p.OrganizationHandle);
        Assert.Equal(137, p.GithubStars);
        Assert.Equal("https://nvlabs.github.io/LongLive/", p.ProjectPage);
        Assert.Equal("Andyson", p.SubmittedBy);
    }

    [Fact]
    public void Hard_wrapped_titles_are_joined_and_links_trimmed()
    {
        // 2025-03-17.json item 3: title 'Adversarial Data Collection: Human-Collaborative Perturbations for\n  Efficient and Robust Robotic Imitation Learning'
        // (both top-level and paper.title wrapped), projectPage ' https://sites.google.com/view/adc-robot' (leading space).
        var p = HfApiFixtures.Read("2025-03-17.json").Observations[2].Paper;
        Assert.Equal("2503.11646", p.Id);
        Assert.Equal("Adversarial Data Collection: Human-Collaborative Perturbations for Efficient and Robust Robotic Imitation Learning", p.Title);
        Assert.Equal("https://sites.google.com/view/adc-robot", p.ProjectPage);
        Assert.Equal(12, p.AiKeywords.Count);
        Assert.Equal("Human-in-the-Loop (HiL)", p.AiKeywords[1]);
    }

    [Fact]
    public void Sniffed_by_content_not_extension()
    {
        var format = new ApiJsonFormat();
        var text = File.ReadAllText(HfApiFixtures.PathOf("2024-12-20.json"));
        Assert.True(format.Sniff(text.AsSpan(0, 4096), "listing.txt") >= 90);
        var viaReader = ListingReader.ReadText(text, "some/where/2024-12-20.dat");
        Assert.Equal(SourceKind.ApiJson, viaReader.Kind);
        Assert.Equal(16, viaReader.Observations.Count);
        Assert.Equal(0, format.Sniff("Daily Papers\nTitle of a paper", "x.json"));
        Assert.Equal(0, format.Sniff("<!doctype html>", "x.json"));
    }
}
