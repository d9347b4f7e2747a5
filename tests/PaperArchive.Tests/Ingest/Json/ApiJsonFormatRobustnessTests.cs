using FsCheck.Xunit;
using PaperArchive.Common;
using PaperArchive.Ingest;
using PaperArchive.Ingest.Json;
using PaperArchive.Model;

namespace PaperArchive.Tests.Ingest.Json;

public class ApiJsonFormatRobustnessTests
{
    private static readonly ApiJsonFormat Format = new();

    private const string GoodItem = """
        {"paper": {"id": "2401.00001", "title": "A\n  Title", "summary": "Line one\n  continues.\n\nSecond paragraph.",
          "authors": [{"name": "Ann", "hidden": false, "user": {"user": "ann1"}}, {"name": "Bob", "hidden": true}],
          "publishedAt": "2024-01-01T10:00:00.000Z", "upvotes": 5},
         "title": "A Title", "numComments": 1, "publishedAt": "2024-01-02T00:00:00.000Z"}
        """;

    private static ListingReadResult Read(string text, string file = "listings/2024-01-02.json") => Format.Read(text, file);

    [Fact]
    public void Good_item_maps_and_keeps_real_paragraphs()
    {
        var r = Read("[" + GoodItem + "]");
        var p = Assert.Single(r.Observations).Paper;
        Assert.Equal("A Title", p.Title);
        Assert.Equal("Line one continues.\n\nSecond paragraph.", p.Abstract);
        Assert.Equal([new Author("Ann", "ann1"), new Author("Bob")], p.Authors);
        Assert.Equal(new DateOnly(2024, 1, 2), r.ListingDate);
        Assert.Empty(r.Diagnostics);
    }

    [Fact]
    public void Malformed_items_are_skipped_with_a_warning_naming_file_and_item()
    {
        var text = "[" + string.Join(",",
            "42",
            """{"paper": {"title": "No id"}, "title": "No id"}""",
            """{"paper": {"id": "2401.00002", "authors": []}}""",
            "\"{'paper': {'id': '2401.00003', 'title': 'broken\"",
            """{"paper": {"id": 2401.00004, "title": "Numeric id"}, "title": "Numeric id"}""",
            """{"paper": {"id": "2401.00005", "title": "Bad authors", "authors": "Ann and Bob"}}""",
            """{"paper": "not an object"}""",
            GoodItem) + "]";
        var r = Read(text, "in/2024-01-02.json");
        var ok = Assert.Single(r.Observations);
        Assert.Equal("item 8", ok.Item);
        Assert.False(r.Failed);
        var warned = r.Diagnostics.Where(d => d.Severity == Severity.Warning).ToList();
        Assert.Equal(["item 1", "item 2", "item 3", "item 4", "item 5", "item 6", "item 7"], warned.Select(d => d.Location));
        Assert.All(warned, d => Assert.Equal("in/2024-01-02.json", d.File));
        Assert.Contains("not an object but a number", warned[0].Message);
        Assert.Contains("no paper.id", warned[1].Message);
        Assert.Contains("no title", warned[2].Message);
        Assert.Contains("not a readable Python literal", warned[3].Message);
        Assert.Contains("unterminated string", warned[3].Message);
        Assert.Contains("paper.id is a number", warned[4].Message);
        Assert.Contains("paper.authors is a string", warned[5].Message);
        Assert.Contains("'paper' is a string", warned[6].Message);
    }

    [Fact]
    public void Optional_fields_of_the_wrong_type_are_dropped_but_the_paper_kept()
    {
        var text = """
            [{"paper": {"id": "2401.00009v2", "title": "T", "upvotes": "many", "githubRepo": "javascript:alert(1)",
              "githubStars": -3, "ai_keywords": "x", "publishedAt": "yesterday"},
              "title": "T", "numComments": 2, "thumbnail": "file:///etc/passwd", "mediaUrls": ["ftp://x/y", "https://ok/v.mp4"]}]
            """;
        var r = Read(text);
        var p = Assert.Single(r.Observations).Paper;
        Assert.Equal("2401.00009", p.Id); // version suffix dropped: one record per paper
        Assert.Null(p.GithubRepo);
        Assert.Null(p.GithubStars);
        Assert.Null(p.Thumbnail);
        Assert.Null(p.PublishedOn);
        Assert.Empty(p.AiKeywords);
        Assert.Equal(ValueList.Of("https://ok/v.mp4"), p.MediaUrls);
        Assert.Equal(ValueList.Of(new CountSnapshot(new DateOnly(2024, 1, 2), null, 2)), p.Snapshots);
        var messages = string.Join("\n", r.Diagnostics.Select(d => d.ToString()));
        Assert.Contains("only http(s) links are kept", messages);
        Assert.Contains("javascript:alert(1)", messages);
        Assert.Contains("file:///etc/passwd", messages);
        Assert.Contains("ftp://x/y", messages);
        Assert.Contains("paper.upvotes (not a count)", messages);
        Assert.Contains("ai_keywords (not a list)", messages);
        Assert.Contains("paper.publishedAt (not a date)", messages);
    }

    [Fact]
    public void Not_json_at_all_is_unreadable_with_line_and_position()
    {
        var r = Read("[\n  {\"paper\": {\"id\": \"1\",, }}\n]");
        Assert.True(r.Failed);
        Assert.Null(r.Kind);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Contains("not valid JSON (line 2, byte", d.Message);
        Assert.Contains("LineNumber: 1", d.Message); // System.Text.Json's own (0-based) position
    }

    [Theory]
    [InlineData("{\"status\": \"error\", \"message\": \"rate limited\"}", "status 'error'")]
    [InlineData("{\"foo\": 1}", "not a daily-papers listing")]
    [InlineData("\"just a string\"", "not a daily-papers listing")]
    [InlineData("null", "JSON null")]
    public void Json_that_is_not_a_listing_is_unreadable(string text, string fragment)
    {
        var r = Read(text);
        Assert.True(r.Failed);
        Assert.Contains(fragment, Assert.Single(r.Diagnostics).Message);
    }

    [Fact]
    public void Wrapper_date_wins_over_file_name_and_hydration_object_is_read()
    {
        var r = Read("{\"date\": \"2024-02-03\", \"dailyPapers\": [" + GoodItem + "]}", "2024-01-02.json");
        Assert.Equal(new DateOnly(2024, 2, 3), r.ListingDate);
        Assert.Equal(ValueList.Of(new DateOnly(2024, 2, 3)), Assert.Single(r.Observations).Paper.ListedOn);
    }

    [Fact]
    public void Without_a_date_in_the_name_the_old_top_level_publishedAt_is_the_day()
    {
        var r = Read("[" + GoodItem + "]", "listing.json");
        Assert.Equal(new DateOnly(2024, 1, 2), r.ListingDate);
    }

    [Fact]
    public void A_bare_paper_without_any_day_keeps_the_paper_and_says_why_counts_are_gone()
    {
        var r = Read("{\"id\": \"2401.00001\", \"title\": \"T\", \"upvotes\": 3, \"authors\": []}", "paper.json");
        var p = Assert.Single(r.Observations).Paper;
        Assert.Empty(p.ListedOn);
        Assert.Empty(p.Snapshots);
        Assert.Null(r.ListingDate);
        Assert.Contains(r.Diagnostics, d => d.Severity == Severity.Warning && d.Message.Contains("no listing day"));
    }

    [Fact]
    public void A_bare_paper_object_is_a_single_paper_not_a_daily_listing()
    {
        var r = Read("{\"id\": \"2401.00001\", \"title\": \"T\", \"upvotes\": 3, \"submittedOnDailyAt\": \"2024-01-09T05:00:00.000Z\"}", "2401.00001.json");
        Assert.False(r.IsDailyListing);
        Assert.Null(r.ListingDate);
        var p = Assert.Single(r.Observations).Paper;
        Assert.Equal(ValueList.Of(new DateOnly(2024, 1, 9)), p.ListedOn);
        Assert.Equal(ValueList.Of(new CountSnapshot(new DateOnly(2024, 1, 9), 3, null)), p.Snapshots);
    }

    [Fact]
    public void A_printed_python_list_instead_of_json_is_read_too()
    {
        var r = Read("[{'paper': {'id': '2401.00001', 'title': \"it's\", 'authors': [], 'upvotes': 1}, 'title': \"it's\", 'numComments': 0}]");
        Assert.Equal("it's", Assert.Single(r.Observations).Paper.Title);
    }

    [Theory]
    [InlineData("[{\"paper\": {\"id\": \"2401.00001\", \"id\": \"2401.00002\", \"title\": \"T\"}, \"title\": \"T\"}]")]
    [InlineData("{\"paper\": {\"id\": \"2401.00001\", \"title\": \"T\"}, \"paper\": {\"id\": \"2401.00002\", \"title\": \"T\"}, \"title\": \"T\"}")]
    public void Duplicate_keys_do_not_throw(string text)
    {
        var r = Read(text);
        Assert.False(r.Failed);
        Assert.Contains(Assert.Single(r.Observations).Paper.Id, new[] { "2401.00001", "2401.00002" });
    }

    [Property(Replay = "(1234,5679)", MaxTest = 500)]
    public void Arbitrary_text_never_throws(string? text)
    {
        var r = Format.Read(text ?? "", "x/2024-01-01.json");
        Assert.NotNull(r);
        Assert.True(r.Failed || r.Observations.Count >= 0);
        _ = Format.Sniff((text ?? "").AsSpan(), "x.json");
    }

    public static TheoryData<string> MutationFixtures => new() { "2024-12-11.json", "2025-01-10.json", "2025-10-03.json", "EXAMPLE_item.json", "daily_papers_2024-03-12.json" };

    [Theory]
    [MemberData(nameof(MutationFixtures))]
    public void Mutated_fixtures_never_throw(string name)
    {
        var text = File.ReadAllText(HfApiFixtures.PathOf(name));
        var rng = new Random(20261129); // fixed seed: deterministic, bounded
        for (var i = 0; i < 60; i++)
        {
            var mutated = (i % 3) switch
            {
                0 => text[..rng.Next(text.Length)],                         // truncation
                1 => Flip(text, rng, 1 + rng.Next(8)),                      // byte flips
                _ => text.Remove(rng.Next(text.Length - 50), rng.Next(1, 50)), // a cut-out slice
            };
            var r = ListingReader.ReadText(mutated, name);
            Assert.NotNull(r);
            Assert.All(r.Observations, o => Assert.False(string.IsNullOrEmpty(o.Paper.Title)));
        }
    }

    private static string Flip(string text, Random rng, int count)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < count; i++)
        {
            var at = rng.Next(chars.Length);
            chars[at] = (char)(chars[at] ^ (1 << rng.Next(7)));
        }
        return new string(chars);
    }
}
