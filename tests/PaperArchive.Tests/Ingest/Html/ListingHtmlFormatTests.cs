using System.Text.RegularExpressions;
using PaperArchive.Ingest;
using PaperArchive.Ingest.Html;
using PaperArchive.Model;

namespace PaperArchive.Tests.Ingest.Html;

/// <summary>
/// The saved /papers listing of 2024-08-01. Literals were read with python (html.unescape of the
/// DailyPapers data-props, json.loads) and grep while writing the tests.
/// </summary>
public class ListingHtmlFormatTests
{
    private static readonly string Html = IngestFixtures.Text(IngestFixtures.ListingHtml);

    private static ListingReadResult Read(string html) => new ListingHtmlFormat().Read(html, "listing.html");

    /// <summary>The page with the hydration component removed: only the cards are left.</summary>
    private static string WithoutHydration(string html) =>
        Regex.Replace(html, "<div class=\"SVELTE_HYDRATER contents\" data-target=\"DailyPapers\" data-props=\"[^\"]*\">", "<div>");

    [Fact]
    public void Hydration_gives_every_paper_of_the_day()
    {
        var r = Read(Html);
        // json dailyPapers: 13 items; date "2024-08-01T00:00:00.000Z".
        Assert.Equal(13, r.Observations.Count);
        Assert.Equal(new DateOnly(2024, 8, 1), r.ListingDate);
        Assert.True(r.IsDailyListing);
        Assert.Equal(SourceKind.ListingHtml, r.Kind);
        Assert.Empty(r.Diagnostics);
        Assert.All(r.Observations, o => Assert.Equal([new DateOnly(2024, 8, 1)], o.Paper.ListedOn));
    }

    [Fact]
    public void Hydration_fields_of_the_first_paper()
    {
        var p = Read(Html).Observations[0].Paper;
        // paper.id 2407.21783, 533 authors (first "Abhimanyu Dubey", user "dubeya"), upvotes 94, numComments 5,
        // submittedBy.name "akhaliq", paper.publishedAt 2024-07-31T17:54:27Z, thumbnail …/2407.21783.png.
        Assert.Equal("2407.21783", p.Id);
        Assert.Equal("2407.21783", p.ArxivId);
        Assert.Equal("The Llama 3 Herd of Models", p.Title);
        Assert.Equal(533, p.Authors.Count);
        Assert.Equal(533, p.AuthorCount); // the API reader's rule: the count of the authors list
        Assert.Equal(new Author("Abhimanyu Dubey", "dubeya"), p.Authors[0]);
        Assert.Equal(new Author("Abhinav Jauhri"), p.Authors[1]);
        Assert.Equal(new DateOnly(2024, 7, 31), p.PublishedOn);
        Assert.Equal(94, p.Upvotes);
        Assert.Equal(5, p.Comments);
        Assert.Equal("akhaliq", p.SubmittedBy);
        Assert.Equal("https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2407.21783.png", p.Thumbnail);
        Assert.StartsWith("Modern artificial intelligence (AI) systems are powered by foundation models. ", p.Abstract);
        Assert.DoesNotContain("\n", p.Abstract);
    }

    [Fact]
    public void Counts_are_dated_by_the_newest_timestamp_in_the_page()
    {
        // grep -oE '20..-..-..T[0-9:.]+Z' | sort | tail -1 → 2024-08-09T17:43:13Z: the page was saved after that,
        // which is why it shows 94 upvotes where the API file of the morning of 2024-08-01 has 49.
        Assert.All(Read(Html).Observations, o => Assert.Equal(new DateOnly(2024, 8, 9), Assert.Single(o.Paper.Snapshots).Date));
    }

    [Fact]
    public void Hard_wrapped_titles_media_and_submitters()
    {
        var r = Read(Html);
        var moma = r.Observations.Single(o => o.Paper.Id == "2407.21770").Paper;
        // top-level title is clean; paper.title has "Modality-Aware\n  Experts".
        Assert.Equal("MoMa: Efficient Early-Fusion Pre-training with Mixture of Modality-Aware Experts", moma.Title);
        Assert.Equal("VictoriaLinML", moma.SubmittedBy);
        var improving = r.Observations.Single(o => o.Paper.Id == "2407.20229").Paper;
        Assert.Equal(["https://cdn-uploads.huggingface.co/production/uploads/65b0b33a403a23a2fda96cbc/4K3YnGfwCGv58sU4Ivkal.webm"], improving.MediaUrls);
        // Berkeley Humanoid: 6 authors of which one is hidden; the card also says "6 authors".
        Assert.Equal(6, r.Observations.Single(o => o.Paper.Id == "2407.21781").Paper.Authors.Count);
    }

    [Fact]
    public void Cards_are_the_fallback_and_agree_with_the_hydration()
    {
        var full = Read(Html);
        var cards = Read(WithoutHydration(Html));
        Assert.DoesNotContain("data-target=\"DailyPapers\"", WithoutHydration(Html), StringComparison.Ordinal);
        // grep -c '<article' → 13 cards; the date comes from <time datetime="2024-08-01T00:00:00.000Z">.
        Assert.Equal(13, cards.Observations.Count);
        Assert.Equal(new DateOnly(2024, 8, 1), cards.ListingDate);
        Assert.True(cards.IsDailyListing);
        for (var i = 0; i < 13; i++)
        {
            var h = full.Observations[i].Paper;
            var c = cards.Observations[i].Paper;
            Assert.Equal(h.Id, c.Id);
            Assert.Equal(h.Title, c.Title);
            Assert.Equal(h.Authors.Count, c.AuthorCount);
            Assert.Empty(c.Authors);
            Assert.Null(c.Abstract);
            Assert.Equal(h.Upvotes, c.Upvotes);
            Assert.Equal(h.Comments, c.Comments);
            // Card 8 shows its video instead of the thumbnail (grep '<video src' → one).
            Assert.Equal(i == 8 ? null : h.Thumbnail, c.Thumbnail);
            Assert.Equal(h.MediaUrls, c.MediaUrls);
            Assert.Equal(h.SubmittedBy, c.SubmittedBy);
            Assert.Equal(h.ListedOn, c.ListedOn);
            Assert.Equal("card " + i, cards.Observations[i].Item);
        }
        // Card 0 as read by eye: "94" in the upvote box, "533 authors", "5" on the #community link.
        Assert.Equal(94, cards.Observations[0].Paper.Upvotes);
        Assert.Equal(533, cards.Observations[0].Paper.AuthorCount);
        Assert.Equal(5, cards.Observations[0].Paper.Comments);
    }

    [Fact]
    public void Broken_hydration_json_is_reported_and_the_cards_are_read()
    {
        var broken = Html.Replace("data-target=\"DailyPapers\" data-props=\"{", "data-target=\"DailyPapers\" data-props=\"{oops", StringComparison.Ordinal);
        var r = Read(broken);
        Assert.Equal(13, r.Observations.Count);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal("DailyPapers", d.Location);
        Assert.Contains("not valid JSON", d.Message);
        Assert.All(r.Observations, o => Assert.StartsWith("card ", o.Item, StringComparison.Ordinal));
    }

    [Fact]
    public void A_malformed_item_is_skipped_with_its_index()
    {
        const string page = """
            <!doctype html><html><head><meta property="og:url" content="https://huggingface.co/papers"></head>
            <body class="DailyPapersPage"><div class="SVELTE_HYDRATER contents" data-target="DailyPapers"
            data-props="{&quot;date&quot;:&quot;2024-08-01T00:00:00.000Z&quot;,&quot;dailyPapers&quot;:[42,{&quot;paper&quot;:{&quot;id&quot;:&quot;2407.00001&quot;,&quot;title&quot;:&quot;  &quot;}},{&quot;paper&quot;:{&quot;id&quot;:&quot;2407.00002&quot;,&quot;title&quot;:&quot;Fine&quot;,&quot;upvotes&quot;:3}}]}"></div></body></html>
            """;
        var r = Read(page);
        var p = Assert.Single(r.Observations);
        Assert.Equal("2407.00002", p.Paper.Id);
        Assert.Equal("item 2", p.Item);
        Assert.Equal(new[] { "item 0", "item 1" }, r.Diagnostics.Select(d => d.Location ?? "").ToArray());
    }
}
