using System.Text;
using System.Text.Json;
using PaperArchive.Fetch;
using static PaperArchive.Tests.Fetch.FetchWorkspace;

namespace PaperArchive.Tests.Fetch;

public sealed class ListingValidatorTests
{
    public static TheoryData<string> FixtureNames()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoRoot(), "tests", "fixtures", "hf-api"), "*.json").Order(StringComparer.Ordinal))
        {
            if (!file.EndsWith("EXAMPLE_item.json", StringComparison.Ordinal))
            {
                data.Add(Path.GetFileName(file));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Every_real_response_is_a_valid_listing_with_one_id_per_item(string name)
    {
        var bytes = Fixture(name);
        using var doc = JsonDocument.Parse(bytes);
        var items = doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement : doc.RootElement.GetProperty("data");

        var check = ListingValidator.Check(bytes, name);

        Assert.True(check.IsValid, check.Problem);
        Assert.Equal(items.GetArrayLength(), check.PaperIds.Count);
        Assert.All(check.PaperIds, id => Assert.Matches(@"^\d{4}\.\d{4,5}$", id));
    }

    [Fact]
    public void Counts_are_upvotes_plus_comments()
    {
        var check = ListingValidator.Check(Encoding.UTF8.GetBytes("""[{"paper":{"id":"2607.00001","upvotes":7},"numComments":2},{"paper":{"id":"2607.00002"}}]"""));

        Assert.True(check.IsValid);
        Assert.Equal(["2607.00001", "2607.00002"], check.PaperIds);
        Assert.Equal(9, check.TotalCounts);
    }

    [Fact]
    public void Python_repr_items_count_too()
    {
        var check = ListingValidator.Check(Encoding.UTF8.GetBytes("""["{'paper': {'id': '2412.07730', 'upvotes': 12, 'authors': [{'_id': 'x'}]}, 'numComments': 3}"]"""));

        Assert.Equal(["2412.07730"], check.PaperIds);
        Assert.Equal(15, check.TotalCounts);
    }

    [Theory]
    [InlineData("[]", true, "ok")]
    [InlineData("{\"status\":\"ok\",\"data\":[]}", true, "ok")]
    [InlineData("", false, "blank")]
    [InlineData("  <!doctype html><title>Oops</title>", false, "html-page")]
    [InlineData("[{\"paper\":{\"id\":\"2607.00001\"}", false, "invalid-json")]
    [InlineData("{\"error\":\"Invalid date\"}", false, "api-error")]
    [InlineData("{\"papers\":[]}", false, "not-a-listing")]
    [InlineData("42", false, "not-a-listing")]
    [InlineData("[{\"paper\":{\"title\":\"no id\"}}]", false, "not-a-listing")]
    [InlineData("[1,2]", false, "not-a-listing")]
    public void Classifies_bodies(string body, bool valid, string reason)
    {
        var check = ListingValidator.Check(Encoding.UTF8.GetBytes(body));

        Assert.Equal(valid, check.IsValid);
        Assert.Equal(reason, check.Reason);
        Assert.Equal(valid, check.Problem is null);
    }

    [Fact]
    public void A_listing_the_importer_refuses_is_not_valid()
    {
        // Right shape for the quick check, but items the importer cannot make papers of.
        var body = Encoding.UTF8.GetBytes("""[{"paper":{"id":"2607.00001"}}]""");

        Assert.True(ListingValidator.Check(body).IsValid);
        var check = ListingValidator.Check(body, "2026-07-01.json");
        Assert.Equal("not-a-listing", check.Reason);
        Assert.Equal("the importer finds no usable paper in the response (item 1: skipped: no title)", check.Problem);
    }

    [Fact]
    public void Invalid_utf8_is_refused()
    {
        var check = ListingValidator.Check([(byte)'[', 0xC3, 0x28, (byte)']']);

        Assert.Equal("not-text", check.Reason);
    }

    [Fact]
    public void Truncated_real_response_says_so()
    {
        var bytes = Fixture("2026-07-01.json");

        var check = ListingValidator.Check(bytes.AsSpan(0, bytes.Length - 40));

        Assert.Equal("invalid-json", check.Reason);
        Assert.StartsWith("response is not valid JSON (truncated?)", check.Problem);
    }
}
