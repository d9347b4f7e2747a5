using FsCheck.Xunit;
using PaperArchive.Rendering;

namespace PaperArchive.Tests.Rendering;

public class PagerTests
{
    // Newest first, as the list pages hand them over: 12 is the newest, 1 the oldest.
    private static List<int> NewestFirst(int count) => [.. Enumerable.Range(1, count).Reverse()];

    [Fact]
    public void The_newest_page_holds_the_newest_papers_and_older_pages_count_from_the_oldest()
    {
        var pages = Pager.Paginate(NewestFirst(12), 5, n => SiteUrls.Topic("t", n)).ToList();
        // 12 papers by 5: one older page (the oldest five), the newest page keeps the other seven.
        Assert.Equal(2, pages.Count);
        Assert.Equal("topics/t.html", pages[0].Path);
        Assert.Equal([12, 11, 10, 9, 8, 7, 6], pages[0].Items);
        Assert.Equal("topics/t/page-1.html", pages[1].Path);
        Assert.Equal([5, 4, 3, 2, 1], pages[1].Items);

        var (newest, older) = (pages[0].Pager, pages[1].Pager);
        Assert.Equal((0, 6, 12), (newest.Page, newest.First, newest.Last));
        Assert.Null(newest.NewerUrl);
        Assert.Equal("topics/t/page-1.html", newest.OlderUrl);
        Assert.Equal(["topics/t/page-1.html"], newest.Older.Select(l => l.Url));
        Assert.Equal((1, 1, 5), (older.Page, older.First, older.Last));
        Assert.Equal("topics/t.html", older.NewerUrl);
        Assert.Null(older.OlderUrl);
        Assert.Empty(older.Older);
    }

    [Fact]
    public void Links_run_newest_to_oldest()
    {
        var pages = Pager.Paginate(NewestFirst(23), 5, n => "p" + n).ToList();
        Assert.Equal(["p0", "p3", "p2", "p1"], pages.Select(p => p.Path));
        Assert.Equal(["Page 3", "Page 2", "Page 1"], pages[0].Pager.Older.Select(l => l.Title));
        Assert.Equal(("p0", "p2"), (pages[1].Pager.NewerUrl, pages[1].Pager.OlderUrl));
        Assert.Equal(("p3", "p1"), (pages[2].Pager.NewerUrl, pages[2].Pager.OlderUrl));
        Assert.All(pages, p => Assert.Equal("p1", p.Pager.OldestUrl));
        var (prev, next) = Pager.Links(pages[2].Pager);
        Assert.Equal(("Newer papers", "p3", "Older papers", "p1"), (prev!.Title, prev.Url, next!.Title, next.Url));
    }

    [Fact]
    public void Short_and_empty_lists_have_only_the_newest_page()
    {
        var page = Assert.Single(Pager.Paginate(Array.Empty<int>(), 10, n => "p" + n));
        Assert.Empty(page.Items);
        Assert.Null(page.Pager.OldestUrl);
        Assert.Empty(page.Pager.Older);
        // Up to twice the page size stays on one page rather than leaving a stub of one paper on the newest.
        Assert.Single(Pager.Paginate(NewestFirst(19), 10, n => "p" + n));
        Assert.Equal(2, Pager.Paginate(NewestFirst(20), 10, n => "p" + n).Count());
    }

    /// <summary>Every paper is on exactly one page, in the list's order (newest page, then older pages newest first).</summary>
    [Property(Replay = "(4242,1717)", MaxTest = 200)]
    public bool Pages_partition_the_list_in_order(byte count, byte size)
    {
        var pageSize = size % 12 + 1;
        var items = NewestFirst(count);
        var pages = Pager.Paginate(items, pageSize, n => "p" + n).ToList();
        return pages.SelectMany(p => p.Items).SequenceEqual(items)
            && pages.Skip(1).All(p => p.Items.Length == pageSize)
            && (items.Count < pageSize || pages[0].Items.Length >= pageSize)
            && pages[0].Items.Length < 2 * pageSize;
    }

    /// <summary>
    /// What the paging is for: papers added at the newest end leave every older page that still exists the same — same
    /// path, same papers, same pager (bar the newer link of the newest older page when a new older page appears).
    /// </summary>
    [Property(Replay = "(9001,3141)", MaxTest = 200)]
    public bool Older_pages_stay_put_when_papers_arrive(byte count, byte added, byte size)
    {
        var pageSize = size % 12 + 1;
        var before = Pager.Paginate(NewestFirst(count), pageSize, n => "p" + n).Skip(1).ToDictionary(p => p.Path);
        var after = Pager.Paginate(NewestFirst(count + added % 40), pageSize, n => "p" + n).Skip(1).ToDictionary(p => p.Path);
        var newestOlder = before.Count;
        return before.All(kv =>
            after.TryGetValue(kv.Key, out var now)
            && now.Items.SequenceEqual(kv.Value.Items)
            && (kv.Value.Pager.Page == newestOlder
                ? now.Pager with { NewerUrl = null } == kv.Value.Pager with { NewerUrl = null }
                : now.Pager == kv.Value.Pager));
    }
}
