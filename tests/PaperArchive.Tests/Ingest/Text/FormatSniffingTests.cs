using PaperArchive.Ingest;
using PaperArchive.Ingest.Html;
using PaperArchive.Ingest.Text;

namespace PaperArchive.Tests.Ingest;

/// <summary>Formats are chosen by content through <see cref="ListingReader.ReadText"/>, whatever the file is called.</summary>
public class FormatSniffingTests
{
    private static readonly IListingFormat[] Mine = [new ListingHtmlFormat(), new PaperHtmlFormat(), new PageTextFormat()];

    public static TheoryData<string, string, SourceKind> Renamed => new()
    {
        { IngestFixtures.ListingHtml, "papers-listing-2024-08-01.html", SourceKind.ListingHtml },
        { IngestFixtures.ListingHtml, "saved-as.txt", SourceKind.ListingHtml },
        { IngestFixtures.ListingHtml, "saved-as.md", SourceKind.ListingHtml },
        { IngestFixtures.PaperHtml, "paper.html", SourceKind.PaperHtml },
        { IngestFixtures.PaperHtml, "paper.txt", SourceKind.PaperHtml },
        { IngestFixtures.Seed, "seed.txt", SourceKind.PageText },
        { IngestFixtures.Seed, "seed.html", SourceKind.PageText },
        { IngestFixtures.Seed, "seed-without-extension", SourceKind.PageText },
        { IngestFixtures.TextCopy, "copy.md", SourceKind.PageText },
        { IngestFixtures.TextCopy, "copy.json", SourceKind.PageText },
        { IngestFixtures.MarkdownCopy, "copy.txt", SourceKind.PageText },
        { IngestFixtures.MarkdownCopy, "copy.html", SourceKind.PageText },
    };

    [Theory]
    [MemberData(nameof(Renamed))]
    public void Each_fixture_goes_to_its_format_whatever_its_name(string fixture, string name, SourceKind expected)
    {
        var result = ListingReader.ReadText(IngestFixtures.Text(fixture), Path.Combine("input", name));
        Assert.Equal(expected, result.Kind);
        Assert.NotEmpty(result.Observations);
        Assert.False(result.Failed);
    }

    public static TheoryData<string> ApiFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(IngestFixtures.Fixtures, "hf-api"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(f));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ApiFiles))]
    public void Json_is_never_claimed_by_the_html_or_text_formats(string name)
    {
        var text = IngestFixtures.Text(Path.Combine("hf-api", name));
        var head = text.AsSpan(0, Math.Min(text.Length, 8192));
        foreach (var format in Mine)
        {
            Assert.Equal(0, format.Sniff(head, name));
            Assert.Equal(0, format.Sniff(head, "renamed.txt"));
        }
    }

    [Theory]
    [MemberData(nameof(ApiFiles))]
    public void Json_goes_to_the_api_reader_even_when_renamed(string name)
    {
        var text = IngestFixtures.Text(Path.Combine("hf-api", name));
        foreach (var renamed in new[] { name, "saved.txt", "saved.html", "saved.md" })
        {
            Assert.Equal(SourceKind.ApiJson, ListingReader.ReadText(text, renamed).Kind);
        }
    }

    [Fact]
    public void Html_formats_do_not_claim_text_and_text_does_not_claim_html()
    {
        foreach (var f in new[] { IngestFixtures.Seed, IngestFixtures.TextCopy, IngestFixtures.MarkdownCopy })
        {
            var t = IngestFixtures.Text(f);
            Assert.Equal(0, new ListingHtmlFormat().Sniff(t.AsSpan(0, Math.Min(8192, t.Length)), "x.html"));
            Assert.Equal(0, new PaperHtmlFormat().Sniff(t.AsSpan(0, Math.Min(8192, t.Length)), "x.html"));
        }
        foreach (var f in new[] { IngestFixtures.ListingHtml, IngestFixtures.PaperHtml })
        {
            var t = IngestFixtures.Text(f);
            Assert.Equal(0, new PageTextFormat().Sniff(t.AsSpan(0, 8192), "x.txt"));
        }
        // A paper page is not a listing and a listing is not a paper page.
        Assert.Equal(0, new ListingHtmlFormat().Sniff(IngestFixtures.Text(IngestFixtures.PaperHtml).AsSpan(0, 8192), "x.html"));
        Assert.Equal(0, new PaperHtmlFormat().Sniff(IngestFixtures.Text(IngestFixtures.ListingHtml).AsSpan(0, 8192), "x.html"));
    }

    [Theory]
    [InlineData("Lorem ipsum dolor sit amet.\n\nConsectetur · adipiscing.\n", "notes.txt")]
    [InlineData("# Shopping list\n\n- eggs\n- milk\n", "list.md")]
    [InlineData("<!doctype html><html><head><title>My blog</title></head><body><p>Hello</p></body></html>", "blog.html")]
    public void Unrelated_text_is_not_a_listing(string text, string name)
    {
        var result = ListingReader.ReadText(text, name);
        Assert.True(result.Failed);
        Assert.Null(result.Kind);
        Assert.Empty(result.Observations);
        Assert.Contains("not a listing", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_papers_page_copy_without_any_paper_gives_zero_papers_and_says_so()
    {
        var result = ListingReader.ReadText("Daily Papers\n\nby AK and the research community\n\nJan 29\n\nnothing here\n", "empty-copy.txt");
        Assert.Equal(SourceKind.PageText, result.Kind);
        Assert.Empty(result.Observations);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("no complete paper block", StringComparison.Ordinal));
    }
}
