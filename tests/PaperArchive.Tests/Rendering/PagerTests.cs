using PaperArchive.Rendering;

namespace PaperArchive.Tests.Rendering;

public class PagerTests
{
    [Fact]
    public void Splits_into_pages_with_links()
    {
        var pages = Pager.Paginate(Enumerable.Range(1, 5).ToList(), 2, n => SiteUrls.Topic("t", n)).ToList();
        Assert.Equal(3, pages.Count);
        Assert.Equal([1, 2], pages[0].Items);
        Assert.Equal([5], pages[2].Items);
        Assert.Equal("topics/t.html", pages[0].Path);
        Assert.Equal("topics/t/page-2.html", pages[1].Path);
        Assert.Null(pages[0].Pager.PrevUrl);
        Assert.Equal("topics/t/page-3.html", pages[1].Pager.NextUrl);
        Assert.Equal("topics/t.html", pages[1].Pager.PrevUrl);
        Assert.Equal(5, pages[2].Pager.TotalItems);
    }

    [Fact]
    public void Empty_list_has_one_page()
    {
        var page = Assert.Single(Pager.Paginate(Array.Empty<int>(), 10, n => "p" + n));
        Assert.Equal(1, page.Pager.Pages);
        Assert.Empty(page.Items);
    }
}
