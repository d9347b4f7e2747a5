using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PaperArchive.Rendering;

namespace PaperArchive.BrowserTests.Search;

/// <summary>What a person does on the search page: type, misspell, quote, exclude, filter, sort, use the keyboard — over http under /repo/ and from file://.</summary>
[Collection(SearchSiteCollection.Name)]
[Trait("Category", "Browser")]
public class SearchPageTests(SearchSiteFixture site, BrowserFixture browser)
{
    private async Task<(IBrowserContext, IPage, List<string>)> Open(string query = "", bool file = false)
    {
        var (context, page, external) = await browser.NewPageAsync(allowedOrigin: site.Origin);
        var url = (file ? site.FileUrl(SiteUrls.Search) : site.Url(SiteUrls.Search)) + query;
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync("html[data-search-ready='1']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        return (context, page, external);
    }

    private static Task Searched(IPage page, string q) =>
        page.WaitForFunctionAsync("q => document.documentElement.dataset.searchQuery === q", q);

    /// <summary>Waits until a search with this URL state (e.g. "topic=agents") has rendered.</summary>
    private static Task SearchedWith(IPage page, string state) =>
        page.WaitForFunctionAsync("s => (document.documentElement.dataset.searchState || '').split('&').includes(s)", state);

    private static async Task<List<string>> Titles(IPage page) =>
        [.. (await page.Locator(".pa-result-title").AllInnerTextsAsync()).Select(t => t.Trim())];

    private static async Task<List<string>> Links(IPage page) =>
        [.. await page.Locator("a.pa-result-link").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))")];

    private Model.Paper PaperAt(string href) =>
        site.Archive.Papers.First(p => href.EndsWith(SiteUrls.Paper(p.Id), StringComparison.Ordinal));

    [Fact]
    public async Task Typing_shows_highlighted_results_announces_the_count_and_keeps_the_query_in_the_url()
    {
        var (context, page, external) = await Open();
        await using var _ = context;
        await page.FillAsync("#pa-q", "diffusion");
        await Searched(page, "diffusion");
        var titles = await Titles(page);
        Assert.Equal(10, titles.Count);
        Assert.Contains("diffusion", titles[0], StringComparison.OrdinalIgnoreCase);
        Assert.True(await page.Locator(".pa-result-title mark").CountAsync() > 0);
        Assert.Matches(new Regex(@"^\d+ results"), await page.Locator("#pa-status").InnerTextAsync());
        Assert.Equal("polite", await page.Locator("#pa-status").GetAttributeAsync("aria-live"));
        Assert.Contains("q=diffusion", page.Url);
        Assert.Empty(external);
    }

    [Fact]
    public async Task The_last_word_completes_while_typing()
    {
        var (context, page, _) = await Open();
        await using var __ = context;
        await page.Locator("#pa-q").PressSequentiallyAsync("reinforcement lear");
        await Searched(page, "reinforcement lear");
        var titles = await Titles(page);
        Assert.NotEmpty(titles);
        Assert.Contains("learning", titles[0], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_half_remembered_title_with_a_typo_finds_the_paper()
    {
        var (context, page, _) = await Open("?q=" + Uri.EscapeDataString("retreival"));
        await using var __ = context;
        await Searched(page, "retreival");
        var titles = await Titles(page);
        Assert.NotEmpty(titles);
        Assert.Contains("Retrieval", titles[0], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("retriev", await page.Locator("#pa-status").InnerTextAsync());

        await page.FillAsync("#pa-q", "difusion languag");
        await Searched(page, "difusion languag");
        Assert.Contains("Diffusion", (await Titles(page))[0], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Quoted_phrases_match_adjacent_words()
    {
        var (context, page, _) = await Open("?q=" + Uri.EscapeDataString("\"video generation\""));
        await using var __ = context;
        await Searched(page, "\"video generation\"");
        var links = await Links(page);
        Assert.NotEmpty(links);
        foreach (var href in links)
        {
            var p = PaperAt(href);
            Assert.Matches(new Regex(@"video[\s-]+generat", RegexOptions.IgnoreCase), p.Title + " " + p.Abstract);
        }
    }

    [Fact]
    public async Task Minus_excludes_a_word()
    {
        var (context, page, _) = await Open("?q=agent");
        await using var __ = context;
        await Searched(page, "agent");
        var all = await page.Locator("#pa-status").InnerTextAsync();
        await page.FillAsync("#pa-q", "agent -web");
        await Searched(page, "agent -web");
        var fewer = await page.Locator("#pa-status").InnerTextAsync();
        Assert.True(int.Parse(Regex.Match(fewer, @"\d+").Value, CultureInfo.InvariantCulture) < int.Parse(Regex.Match(all, @"\d+").Value, CultureInfo.InvariantCulture), fewer + " vs " + all);
        foreach (var href in await Links(page))
        {
            Assert.DoesNotMatch(new Regex(@"\bweb\b", RegexOptions.IgnoreCase), PaperAt(href).Title + " " + PaperAt(href).Abstract);
        }
    }

    [Fact]
    public async Task Topic_and_date_filters_narrow_the_results_and_live_in_the_url()
    {
        var (context, page, _) = await Open("?q=model");
        await using var __ = context;
        await Searched(page, "model");
        var options = await page.Locator("select[name=topic] option").EvaluateAllAsync<string[]>("os => os.map(o => o.value).filter(v => v)");
        Assert.NotEmpty(options);
        var slug = options[0];
        await page.SelectOptionAsync("select[name=topic]", slug);
        await SearchedWith(page, "topic=" + slug);
        Assert.Contains("topic=" + slug, page.Url);
        var links = await Links(page);
        Assert.NotEmpty(links);
        Assert.All(links, href => Assert.Contains(slug, site.Analysis.For(PaperAt(href).Id).TopicSlugs));

        var (context2, page2, _) = await Open("?q=model&from=2026-07-01&to=2026-07-03");
        await using var ___ = context2;
        await Searched(page2, "model");
        var dates = await page2.Locator(".pa-result-meta time").AllInnerTextsAsync();
        Assert.NotEmpty(dates);
        Assert.All(dates, d => Assert.InRange(string.CompareOrdinal(d, "2026-07-01"), 0, int.MaxValue));
        Assert.All(dates, d => Assert.InRange(string.CompareOrdinal(d, "2026-07-03"), int.MinValue, 0));
        Assert.Equal("2026-07-01", await page2.InputValueAsync("input[name=from]"));
    }

    [Fact]
    public async Task Sorting_by_date_and_by_upvotes()
    {
        var (context, page, _) = await Open("?q=language&sort=date");
        await using var __ = context;
        await Searched(page, "language");
        Assert.Equal("date", await page.InputValueAsync("select[name=sort]"));
        var dates = (await page.Locator(".pa-result-meta time").AllInnerTextsAsync()).ToList();
        Assert.True(dates.Count > 5);
        Assert.Equal(dates.OrderByDescending(d => d, StringComparer.Ordinal).ToList(), dates);

        await page.SelectOptionAsync("select[name=sort]", "upvotes");
        await SearchedWith(page, "sort=upvotes");
        Assert.Contains("sort=upvotes", page.Url);
        var ups = (await page.Locator(".pa-result-upvotes").AllInnerTextsAsync()).Select(u => int.Parse(u.TrimStart('▲', ' '), CultureInfo.InvariantCulture)).ToList();
        Assert.True(ups.Count > 5);
        Assert.Equal(ups.OrderDescending().ToList(), ups);
    }

    [Fact]
    public async Task Keyboard_slash_focuses_arrows_move_and_enter_opens()
    {
        var (context, page, _) = await Open("?q=diffusion");
        await using var __ = context;
        await Searched(page, "diffusion");
        await page.Locator("h1").ClickAsync();
        await page.Keyboard.PressAsync("/");
        Assert.Equal("pa-q", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        var links = await Links(page);
        Assert.Equal(links[1], await page.EvaluateAsync<string>("document.activeElement.getAttribute('href')"));
        await page.Keyboard.PressAsync("ArrowUp");
        Assert.Equal(links[0], await page.EvaluateAsync<string>("document.activeElement.getAttribute('href')"));
        // The wait starts before the key, so a navigation that commits at once is not missed.
        var opened = page.WaitForURLAsync(new Regex(Regex.Escape(links[0].TrimStart('.', '/')) + "$"), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await page.Keyboard.PressAsync("Enter");
        await opened;
        Assert.Equal(PaperAt(links[0]).Title, (await page.Locator("h1").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task Works_from_a_folder_opened_on_disk()
    {
        var (context, page, external) = await Open("?q=" + Uri.EscapeDataString("retrieval"), file: true);
        await using var _ = context;
        await Searched(page, "retrieval");
        Assert.NotEmpty(await Titles(page));
        Assert.StartsWith("file:", page.Url);
        Assert.Empty(external);
    }

    [Fact]
    public async Task No_request_leaves_the_site()
    {
        var (context, page, external) = await Open();
        await using var _ = context;
        var requests = new List<string>();
        page.Request += (_, r) => { lock (requests) { requests.Add(r.Url); } };
        foreach (var q in new[] { "diffusion", "video gen", "retreival", "\"language model\"", "agent -web" })
        {
            await page.FillAsync("#pa-q", q);
            await Searched(page, q);
        }
        Assert.Empty(external);
        Assert.NotEmpty(requests);
        Assert.All(requests, r => Assert.StartsWith(site.Url(""), r));
    }

    [Fact]
    public async Task The_outside_request_guard_catches_a_request_that_leaves_the_site()
    {
        // Proves the guard the other tests rely on: a request to another origin is recorded and aborted.
        var (context, page, external) = await Open();
        await using var _ = context;
        var failed = await page.EvaluateAsync<bool>("() => fetch('http://outside.invalid/probe.js').then(() => false, () => true)");
        Assert.True(failed);
        Assert.Contains("http://outside.invalid/probe.js", external);
    }

    [Fact]
    public async Task Results_never_inject_markup_from_the_index()
    {
        var (context, page, _) = await Open("?q=injectionproof");
        await using var __ = context;
        await Searched(page, "injectionproof");
        Assert.Contains("<img src=x", (await Titles(page))[0]);
        Assert.Equal(0, await page.Locator(".pa-results img, .pa-results b, .pa-results script").CountAsync());
        Assert.Null(await page.EvaluateAsync<object?>("window.__pwned ?? null"));
    }

    [Fact]
    public async Task A_huge_query_returns_promptly()
    {
        var (context, page, _) = await Open();
        await using var __ = context;
        var huge = string.Concat(Enumerable.Repeat("\"a -b c", 20_000));
        await page.EvaluateAsync("q => { const i = document.getElementById('pa-q'); i.value = q; i.dispatchEvent(new Event('input')); }", huge);
        await page.WaitForFunctionAsync("n => (document.documentElement.dataset.searchQuery || '').length === n", huge.Length, new PageWaitForFunctionOptions { Timeout = 10_000 });
    }
}
