using PaperArchive.Fetch;

namespace PaperArchive.Tests.Fetch;

public sealed class ListingComparisonTests
{
    private static ListingCheck Listing(long counts, params string[] ids) => new(true, "ok", null, ids, counts);

    [Theory]
    [InlineData(new[] { "a", "b" }, 5L, new[] { "a", "b", "c" }, 5L, ListingVerdict.Replace, "more-papers")]
    [InlineData(new[] { "a", "b" }, 5L, new[] { "b", "a" }, 9L, ListingVerdict.Replace, "larger-counts")]
    [InlineData(new[] { "a", "b" }, 5L, new[] { "a", "b" }, 5L, ListingVerdict.Keep, "unchanged")]
    [InlineData(new[] { "a", "b" }, 5L, new[] { "a", "b" }, 3L, ListingVerdict.Keep, "unchanged")]
    [InlineData(new[] { "a", "b" }, 5L, new string[0], 0L, ListingVerdict.Keep, "empty")]
    [InlineData(new[] { "a", "b", "c" }, 5L, new[] { "a", "b" }, 50L, ListingVerdict.KeepAndSetAside, "smaller")]
    [InlineData(new[] { "a", "b" }, 5L, new[] { "a", "c", "d" }, 50L, ListingVerdict.KeepAndSetAside, "different")]
    public void Keeps_the_more_complete_scrape(string[] saved, long savedCounts, string[] incoming, long incomingCounts, ListingVerdict verdict, string reason)
    {
        var result = ListingComparison.Compare(Listing(savedCounts, saved), Listing(incomingCounts, incoming));

        Assert.Equal(verdict, result.Verdict);
        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public void An_unreadable_saved_file_is_replaced()
    {
        var result = ListingComparison.Compare(ListingCheck.Invalid("invalid-json", "broken"), Listing(1, "a"));

        Assert.Equal(ListingVerdict.Replace, result.Verdict);
        Assert.Equal("replaced-unreadable", result.Reason);
    }

    [Fact]
    public void Never_replaces_with_fewer_papers_property()
    {
        // Any incoming that lacks a saved id or lists fewer papers must never replace the saved file.
        var random = new Random(20260707);
        for (var i = 0; i < 500; i++)
        {
            var saved = Enumerable.Range(0, random.Next(0, 8)).Select(n => "p" + random.Next(0, 10)).Distinct().ToArray();
            var incoming = Enumerable.Range(0, random.Next(0, 8)).Select(n => "p" + random.Next(0, 10)).Distinct().ToArray();
            var result = ListingComparison.Compare(Listing(random.Next(0, 20), saved), Listing(random.Next(0, 20), incoming));
            if (result.Verdict == ListingVerdict.Replace)
            {
                Assert.True(saved.All(incoming.Contains) && incoming.Length >= saved.Length && incoming.Length > 0, $"{string.Join(",", saved)} → {string.Join(",", incoming)}");
            }
        }
    }
}
