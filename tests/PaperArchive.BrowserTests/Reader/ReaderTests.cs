using System.IO.Compression;
using Microsoft.Playwright;
using PaperArchive.Build;
using PaperArchive.Rendering;

namespace PaperArchive.BrowserTests.Reader;

/// <summary>
/// What a reader does with the reading list, "For you" and the offline copy: star, mark read, write a
/// note, filter, export and import, go offline (service worker, network cut), open the zip from disk.
/// Pages set <c>html[data-reader-ready]</c> (and <c>data-foryou-ready</c>, <c>data-sw-ready</c>,
/// <c>data-offline-saved</c>, <c>data-reader-saved</c>, <c>data-reader-imported</c>) when done; tests wait for those.
/// </summary>
[Collection(SiteCollection.Name)]
[Trait("Category", "Browser")]
public class ReaderTests(SiteFixture site, BrowserFixture browser)
{
    private static readonly PageWaitForSelectorOptions Attached = new() { State = WaitForSelectorState.Attached };

    private static Task Ready(IPage page) => page.WaitForSelectorAsync("html[data-reader-ready='true']", Attached);

    private DateOnly NewestDay => site.Archive.Days.Max(d => d.Date);

    private static Task ListCount(IPage page, int n) =>
        page.WaitForFunctionAsync("n => document.querySelector('[data-reader-items]').dataset.count === String(n)", n);

    [Fact]
    public async Task Star_read_and_note_persist_and_my_list_filters_them()
    {
        var (context, page, external) = await browser.NewPageAsync(allowedOrigin: site.Origin);
        await using var _ = context;
        await page.GotoAsync(site.Url(SiteUrls.Day(NewestDay)));
        await Ready(page);

        var first = page.Locator(".paper-card").First;
        var starredId = await first.GetAttributeAsync("data-paper-id");
        await first.Locator("[data-reader-star]").ClickAsync();
        Assert.Equal("true", await first.Locator("[data-reader-star]").GetAttributeAsync("aria-pressed"));
        Assert.Equal("1", await page.Locator("[data-reader-count]").InnerTextAsync());

        // The second paper: star it, mark it read and write a note on its own page.
        var second = page.Locator(".paper-card").Nth(1);
        var readId = await second.GetAttributeAsync("data-paper-id");
        await second.Locator(".paper-title a").ClickAsync();
        await page.WaitForURLAsync("**/" + SiteUrls.Paper(readId!));
        await Ready(page);
        var actions = page.Locator("[data-reader-paper]");
        await actions.Locator("[data-reader-star]").ClickAsync();
        await actions.Locator("[data-reader-read]").ClickAsync();
        await actions.Locator("textarea").FillAsync("Check the ablation in section 4");
        await page.Keyboard.PressAsync("Tab");
        await page.WaitForSelectorAsync("html[data-reader-saved]", Attached);
        await page.ReloadAsync();
        await Ready(page);
        Assert.Equal("Check the ablation in section 4", await actions.Locator("textarea").InputValueAsync());
        Assert.Equal("true", await actions.Locator("[data-reader-read]").GetAttributeAsync("aria-pressed"));

        await page.GotoAsync(site.Url(SiteUrls.ReadingList));
        await Ready(page);
        await ListCount(page, 2);
        Assert.Contains("2 starred", await page.Locator("[data-reader-status]").InnerTextAsync());
        var notes = await page.Locator("[data-reader-items] textarea").EvaluateAllAsync<string[]>("els => els.map(e => e.value)");
        Assert.Contains("Check the ablation in section 4", notes);

        await page.CheckAsync("input[name='show'][value='unread']");
        await ListCount(page, 1);
        Assert.Equal(starredId, await page.Locator("[data-reader-items] > li").First.GetAttributeAsync("data-paper-id"));
        await page.CheckAsync("input[name='show'][value='read']");
        await ListCount(page, 1);
        Assert.Equal(readId, await page.Locator("[data-reader-items] > li").First.GetAttributeAsync("data-paper-id"));

        // Topic filter: a topic neither paper has empties the list; "All topics" brings both back.
        await page.CheckAsync("input[name='show'][value='all']");
        var topics = site.Analysis.Topics.Select(t => t.Title).ToList();
        var theirs = new[] { starredId!, readId! }.SelectMany(id => site.Analysis.For(id).TopicSlugs).ToHashSet();
        var other = site.Analysis.Topics.FirstOrDefault(t => !theirs.Contains(t.Slug) && site.Archive.Papers.Any(p => site.Analysis.For(p.Id).TopicSlugs.Contains(t.Slug)));
        if (other is not null)
        {
            await page.SelectOptionAsync("select[name='topic']", other.Title);
            await ListCount(page, 0);
            await page.SelectOptionAsync("select[name='topic']", "");
        }
        await ListCount(page, 2);
        Assert.NotEmpty(topics);
        Assert.Empty(external);
    }

    [Fact]
    public async Task Export_and_import_round_trip_and_citations_match_the_sites_files()
    {
        var (context, page, _) = await browser.NewPageAsync(allowedOrigin: site.Origin);
        await using var __ = context;
        await page.GotoAsync(site.Url(SiteUrls.Day(NewestDay)));
        await Ready(page);
        var ids = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var card = page.Locator(".paper-card").Nth(i);
            ids.Add((await card.GetAttributeAsync("data-paper-id"))!);
            await card.Locator("[data-reader-star]").ClickAsync();
        }
        await page.GotoAsync(site.Url(SiteUrls.ReadingList));
        await Ready(page);
        await ListCount(page, 2);
        var note = page.Locator("[data-reader-items] textarea").First;
        await note.FillAsync("notes survive export");
        await page.Keyboard.PressAsync("Tab");
        await page.WaitForSelectorAsync("html[data-reader-saved]", Attached);

        var json = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-reader-export='json']"));
        Assert.Equal("reading-list.json", json.SuggestedFilename);
        var jsonPath = Path.Combine(Path.GetTempPath(), "paperarchive-browser", Guid.NewGuid().ToString("N") + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(jsonPath)!);
        await json.SaveAsAsync(jsonPath);

        // BibTeX and RIS of the list are the site's own entries (validated strictly by the fast tests).
        var bib = await ReadDownload(await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-reader-export='bib']")));
        var ris = await ReadDownload(await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-reader-export='ris']")));
        foreach (var id in ids)
        {
            Assert.Contains(File.ReadAllText(Path.Combine(site.SiteDir, SiteUrls.Export(SiteUrls.Paper(id), "bib"))).TrimEnd(), bib);
            Assert.Contains(File.ReadAllText(Path.Combine(site.SiteDir, SiteUrls.Export(SiteUrls.Paper(id), "ris"))), ris);
        }
        Assert.Equal(2, bib.Split("@misc{").Length - 1);

        // A fresh browser (empty storage) imports the file: same papers, same note; a second import adds nothing.
        var (context2, page2, _) = await browser.NewPageAsync(allowedOrigin: site.Origin);
        await using var ___ = context2;
        await page2.GotoAsync(site.Url(SiteUrls.ReadingList));
        await Ready(page2);
        await ListCount(page2, 0);
        await page2.SetInputFilesAsync("[data-reader-import]", jsonPath);
        await page2.WaitForSelectorAsync("html[data-reader-imported]", Attached);
        await ListCount(page2, 2);
        Assert.Contains("Imported 2 new papers", await page2.Locator("[data-reader-status]").InnerTextAsync());
        var imported = await page2.Locator("[data-reader-items] > li").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.paperId)");
        Assert.Equal(ids.Order(StringComparer.Ordinal), imported.Order(StringComparer.Ordinal));
        var notes = await page2.Locator("[data-reader-items] textarea").EvaluateAllAsync<string[]>("els => els.map(e => e.value)");
        Assert.Contains("notes survive export", notes);
        await page2.EvaluateAsync("() => document.documentElement.removeAttribute('data-reader-imported')");
        await page2.SetInputFilesAsync("[data-reader-import]", jsonPath);
        await page2.WaitForSelectorAsync("html[data-reader-imported]", Attached);
        Assert.Contains("Imported 0 new papers", await page2.Locator("[data-reader-status]").InnerTextAsync());
        await ListCount(page2, 2);
    }

    private static async Task<string> ReadDownload(IDownload download)
    {
        var path = await download.PathAsync();
        return await File.ReadAllTextAsync(path);
    }

    [Fact]
    public async Task Stored_list_from_an_old_schema_migrates_and_without_storage_stars_still_work()
    {
        var (context, page, _) = await browser.NewPageAsync(allowedOrigin: site.Origin);
        await using var __ = context;
        var id = site.Archive.Days.OrderBy(d => d.Date).First().PaperIds[0];
        // Schema 0: a bare array of starred ids, under the site's key.
        await context.AddInitScriptAsync($"try {{ if (!localStorage.getItem('paperarchive.reader:/repo/')) localStorage.setItem('paperarchive.reader:/repo/', JSON.stringify(['{id}'])); }} catch (e) {{}}");
        await page.GotoAsync(site.Url(SiteUrls.ReadingList));
        await Ready(page);
        await ListCount(page, 1);
        Assert.Equal(id, await page.Locator("[data-reader-items] > li").First.GetAttributeAsync("data-paper-id"));
        // The list shows the paper's real title from the reader data, not its id.
        Assert.Equal(site.Archive.Papers.Single(p => p.Id == id).Title, await page.Locator("[data-reader-items] .paper-title a").First.InnerTextAsync());
        // The migrated list is written back in the current schema.
        var stored = await page.EvaluateAsync<string>("() => localStorage.getItem('paperarchive.reader:/repo/')");
        Assert.StartsWith("{\"schema\":1,", stored);

        // Storage refused (private mode, policy): buttons work for the page, My list says so.
        var (context2, page2, _) = await browser.NewPageAsync(allowedOrigin: site.Origin);
        await using var ___ = context2;
        await context2.AddInitScriptAsync("Object.defineProperty(window, 'localStorage', { get: function () { throw new DOMException('denied', 'SecurityError'); } });");
        await page2.GotoAsync(site.Url(SiteUrls.ReadingList));
        await Ready(page2);
        Assert.True(await page2.Locator("[data-reader-unavailable]").IsVisibleAsync());
        await page2.GotoAsync(site.Url(SiteUrls.Day(NewestDay)));
        await Ready(page2);
        var star = page2.Locator(".paper-card [data-reader-star]").First;
        await star.ClickAsync();
        Assert.Equal("true", await star.GetAttributeAsync("aria-pressed"));
    }

    [Fact]
    public async Task For_you_ranks_recent_papers_like_the_starred_ones()
    {
        var (context, page, external) = await browser.NewPageAsync(allowedOrigin: site.Origin);
        await using var _ = context;
        await page.GotoAsync(site.Url(SiteUrls.ForYou));
        await page.WaitForSelectorAsync("html[data-foryou-ready='true']", Attached);
        Assert.Contains("Star a few papers first", await page.Locator("[data-reader-status]").InnerTextAsync());

        // Star one paper: the others (all recent in this archive) are ranked; the starred one is never recommended.
        await page.GotoAsync(site.Url(SiteUrls.Day(NewestDay)));
        await Ready(page);
        var card = page.Locator(".paper-card").First;
        var id = await card.GetAttributeAsync("data-paper-id");
        await card.Locator("[data-reader-star]").ClickAsync();
        await page.GotoAsync(site.Url(SiteUrls.ForYou));
        await page.WaitForSelectorAsync("html[data-foryou-ready='true']", Attached);
        var items = page.Locator("[data-foryou-items] > li");
        Assert.True(await items.CountAsync() > 0);
        var ids = await items.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.paperId)");
        Assert.DoesNotContain(id, ids);
        var scores = (await items.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.score)")).Select(s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        // The best match shares a title word with the starred paper.
        var starredWords = site.Archive.Papers.Single(p => p.Id == id).Title.ToLowerInvariant().Split(' ').Where(w => w.Length > 3).ToHashSet();
        var topTitle = site.Archive.Papers.Single(p => p.Id == ids[0]).Title.ToLowerInvariant();
        Assert.Contains(starredWords, w => topTitle.Contains(w, StringComparison.Ordinal));
        // Recommendations can be starred in place.
        await items.First.Locator("[data-reader-star]").ClickAsync();
        Assert.Equal("2", await page.Locator("[data-reader-count]").InnerTextAsync());
        Assert.Empty(external);
    }

    [Fact]
    public async Task Service_worker_serves_visited_and_saved_pages_and_search_with_the_network_cut()
    {
        // Its own server, so the network can really be cut (the server stops) as well as emulated.
        var server = new StaticServer(site.SiteDir);
        var context = await browser.Browser.NewContextAsync();
        await using var _ = context;
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(server.BaseUrl + SiteUrls.Home);
            await page.WaitForSelectorAsync("html[data-sw-ready='true']", Attached);
            var days = site.Archive.Days.OrderByDescending(d => d.Date).ToList();
            var visited = days[^1].PaperIds[0];
            await page.GotoAsync(server.BaseUrl + SiteUrls.Paper(visited));
            await Ready(page);

            await page.GotoAsync(server.BaseUrl + SiteUrls.ReadingList);
            await Ready(page);
            Assert.True(await page.Locator("[data-reader-offline]").IsVisibleAsync());
            await page.SelectOptionAsync("[data-offline-days]", "3");
            await page.ClickAsync("[data-offline-save]");
            await page.WaitForSelectorAsync("html[data-offline-saved]", Attached);
            Assert.Contains("last 3 days", await page.Locator("[data-offline-status]").InnerTextAsync());
        }
        finally
        {
            server.Dispose();
        }
        await context.SetOfflineAsync(true);
        var offline = context.Pages[0];
        var baseUrl = server.BaseUrl;
        var daysDesc = site.Archive.Days.OrderByDescending(d => d.Date).ToList();

        // A page visited earlier.
        var visitedId = daysDesc[^1].PaperIds[0];
        await offline.GotoAsync(baseUrl + SiteUrls.Paper(visitedId));
        Assert.Equal(site.Archive.Papers.Single(p => p.Id == visitedId).Title, (await offline.Locator("h1").InnerTextAsync()).Trim());
        // A paper of a saved day, never opened.
        var savedId = daysDesc[2].PaperIds[^1];
        await offline.GotoAsync(baseUrl + SiteUrls.Paper(savedId));
        Assert.Equal(site.Archive.Papers.Single(p => p.Id == savedId).Title, (await offline.Locator("h1").InnerTextAsync()).Trim());
        await offline.GotoAsync(baseUrl + SiteUrls.Day(daysDesc[0].Date));
        await Ready(offline);
        Assert.Equal(daysDesc[0].PaperIds.Count, await offline.Locator(".paper-card").CountAsync());
        // Search works from the saved index.
        await offline.GotoAsync(baseUrl + SiteUrls.Search + "?q=diffusion");
        await offline.WaitForFunctionAsync("() => document.documentElement.dataset.searchQuery === 'diffusion'");
        Assert.True(await offline.Locator(".pa-result-title").CountAsync() > 0);
        // A page never visited nor saved: the worker's offline notice, not a browser error.
        var unsaved = daysDesc[^1].PaperIds[^1];
        await offline.GotoAsync(baseUrl + SiteUrls.Paper(unsaved));
        Assert.Contains("You are offline and this page was not saved", await offline.Locator("body").InnerTextAsync());
    }

    [Fact]
    public async Task Zip_opened_from_disk_navigates_searches_and_keeps_a_list()
    {
        var root = Path.Combine(Path.GetTempPath(), "paperarchive-browser", Guid.NewGuid().ToString("N"));
        var zip = Path.Combine(root, "site.zip");
        Directory.CreateDirectory(root);
        try
        {
            Assert.True(OfflineZipWriter.Write(site.SiteDir, zip) > 10);
            ZipFile.ExtractToDirectory(zip, Path.Combine(root, "unzipped"));
            var folder = Path.Combine(root, "unzipped", OfflineZipWriter.DefaultFolder);
            string FileUrl(string path) => new Uri(Path.Combine(folder, path)).AbsoluteUri;

            var (context, page, external) = await browser.NewPageAsync();
            await using var _ = context;
            await page.GotoAsync(FileUrl(SiteUrls.Home));
            await Ready(page);
            await page.ClickAsync(".site-nav a[href='archive.html']");
            await page.WaitForURLAsync("**/archive.html");
            Assert.StartsWith("file://", page.Url);

            await page.GotoAsync(FileUrl(SiteUrls.Search) + "?q=diffusion");
            await page.WaitForFunctionAsync("() => document.documentElement.dataset.searchQuery === 'diffusion'");
            Assert.True(await page.Locator(".pa-result-title").CountAsync() > 1);
            // Star a search result in place, then open another result and star it on its page.
            var star = page.Locator(".pa-result [data-reader-star]").First;
            await star.ClickAsync();
            Assert.Equal("true", await star.GetAttributeAsync("aria-pressed"));
            await page.Locator("a.pa-result-link").Nth(1).ClickAsync();
            await page.WaitForURLAsync("**/papers/*.html");
            await Ready(page);
            await page.Locator("[data-reader-paper] [data-reader-star]").ClickAsync();

            await page.GotoAsync(FileUrl(SiteUrls.ReadingList));
            await Ready(page);
            await ListCount(page, 2);
            // No service worker from disk: the offline section stays hidden.
            Assert.False(await page.Locator("[data-reader-offline]").IsVisibleAsync());
            Assert.Empty(external);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
