using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Playwright;
using PaperArchive.Rendering;

namespace PaperArchive.BrowserTests.Reliability;

/// <summary>
/// The injection corpus on every page of a real build, in Chromium: no script of the corpus runs (no
/// call of the marker function, no dialog, no console line with the marker), no element or attribute
/// comes from the data (no event handlers, no <c>javascript:</c>/<c>data:</c> URLs, no iframes, bases or
/// refreshes), scraped links are only http(s), and the text reads literally. Feeds and the sitemap are
/// parsed as XML/JSON; search is run with hostile queries and over hostile titles.
/// </summary>
[Collection(InjectionSiteCollection.Name)]
[Trait("Category", "Browser")]
public partial class InjectionTests(InjectionSiteFixture site, BrowserFixture browser)
{
    /// <summary>Everything on the page that data could have injected; empty when clean.</summary>
    private const string DomProblems = """
        () => {
          const problems = [];
          const bad = /^\s*(javascript|data|vbscript):/i;
          for (const el of document.querySelectorAll('*')) {
            for (const a of el.attributes) {
              if (/^on/i.test(a.name)) problems.push(`${el.tagName} has ${a.name}`);
              if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'srcset', 'poster', 'background'].includes(a.name.toLowerCase()) && bad.test(a.value))
                problems.push(`${el.tagName} ${a.name}=${a.value}`);
            }
          }
          // The theme's own search form and the 404 page's <base> are allowed; their URLs are checked above.
          for (const sel of ['iframe', 'frame', 'object', 'embed', 'base:not(head > base)', 'base ~ base', 'meta[http-equiv]', 'img[src="x"]', 'video', 'math', '[autofocus]', 'svg script', 'form:not([role=search])', 'details[open]'])
            if (document.querySelector(sel)) problems.push('element ' + sel);
          for (const s of document.scripts)
            if (!s.src && /__xss|alert\(/.test(s.textContent)) problems.push('inline script with corpus text');
          for (const a of document.querySelectorAll('a[href], link[href], img[src]')) {
            const raw = a.getAttribute('href') ?? a.getAttribute('src');
            if (/^\s*\/\//.test(raw) || /^\s*\/relative/.test(raw)) problems.push(`${a.tagName} to ${raw}`);
            const url = new URL(raw, location.href);
            if (url.origin !== location.origin && !['http:', 'https:'].includes(url.protocol)) problems.push(`${a.tagName} to ${raw}`);
          }
          return problems;
        }
        """;

    private async Task<(IBrowserContext Context, IPage Page, List<string> Alerts)> Open()
    {
        var (context, page, _) = await browser.NewPageAsync(allowedOrigin: site.Origin);
        await context.AddInitScriptAsync(InjectionCorpus.InitScript);
        var alerts = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            lock (alerts)
            {
                alerts.Add("dialog: " + dialog.Message);
            }
            await dialog.DismissAsync();
        };
        page.Console += (_, message) =>
        {
            if (message.Text.Contains(InjectionCorpus.Marker, StringComparison.Ordinal))
            {
                lock (alerts)
                {
                    alerts.Add("console: " + message.Text);
                }
            }
        };
        return (context, page, alerts);
    }

    /// <summary>Loads, waits for the page's own ready flag, then one more frame so load-time handlers (onerror, ontoggle) would have fired.</summary>
    private static async Task Visit(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync("html[data-ready='true']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))");
    }

    private static async Task AssertClean(IPage page, List<string> alerts, string where)
    {
        var hits = await page.EvaluateAsync<string[]>("() => window.__xssHits");
        Assert.True(hits.Length == 0, $"{where}: corpus script ran: {string.Join(", ", hits)}");
        lock (alerts)
        {
            Assert.True(alerts.Count == 0, $"{where}: {string.Join(", ", alerts)}");
        }
        var problems = await page.EvaluateAsync<string[]>(DomProblems);
        Assert.True(problems.Length == 0, $"{where}: {string.Join("; ", problems)}");
    }

    /// <summary>Whitespace collapsed; NUL (never in HTML or XML text) dropped.</summary>
    private static string Norm(string s) => Spaces().Replace(s.Replace("\0", "").Replace("\uFFFD", ""), " ").Trim();

    [GeneratedRegex(@"[\s\u2028\u2029]+")]
    private static partial Regex Spaces();

    [Fact]
    public async Task No_page_runs_injected_script_and_every_text_reads_literally()
    {
        var (context, page, alerts) = await Open();
        await using var _ = context;
        var pages = Directory.EnumerateFiles(site.SiteDir, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.SiteDir, f).Replace('\\', '/'))
            .Where(p => !p.StartsWith(SiteUrls.AssetsDir + "/", StringComparison.Ordinal))
            // Paper pages have their own, stricter test below; one of them is enough here for the kind.
            .Where(p => !p.StartsWith("papers/", StringComparison.Ordinal) || p == SiteUrls.Paper(site.Archive.Papers[0].Id))
            .Order(StringComparer.Ordinal)
            .ToList();
        var kinds = new SortedSet<string>(StringComparer.Ordinal);
        var titlesSeen = 0;
        foreach (var path in pages)
        {
            await Visit(page, site.Url(path));
            await AssertClean(page, alerts, path);
            kinds.Add(await page.EvaluateAsync<string>("() => document.body.className"));
            var text = Norm(await page.EvaluateAsync<string>("() => document.body.textContent"));
            titlesSeen += site.Archive.Papers.Count(p => text.Contains(Norm(p.Title), StringComparison.Ordinal)) > 0 ? 1 : 0;
        }
        // Home, day, week, month, calendar, paper, author, organisation, topic, topics, keyword, search, 404.
        Assert.True(kinds.Count >= 13, "page kinds visited: " + string.Join(", ", kinds));
        Assert.True(titlesSeen >= 15, $"hostile titles read literally on only {titlesSeen} of {pages.Count} pages");
    }

    [Fact]
    public async Task Paper_pages_show_every_field_literally()
    {
        var (context, page, alerts) = await Open();
        await using var _ = context;
        foreach (var paper in site.Archive.Papers)
        {
            await Visit(page, site.Url(SiteUrls.Paper(paper.Id)));
            await AssertClean(page, alerts, paper.Id);
            Assert.Equal(Norm(paper.Title), Norm(await page.Locator("h1").First.TextContentAsync() ?? ""));
            var body = Norm(await page.EvaluateAsync<string>("() => document.body.textContent"));
            foreach (var field in new[] { paper.Abstract!.Split("\n\n")[0], paper.AiSummary!, paper.Authors[0].Name, paper.Organization! })
            {
                Assert.Contains(Norm(field), body, StringComparison.Ordinal);
            }
            var title = await page.TitleAsync();
            Assert.StartsWith(Norm(paper.Title), Norm(title), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Search_with_hostile_queries_and_over_hostile_titles_stays_inert()
    {
        var (context, page, alerts) = await Open();
        await using var _ = context;
        string[] queries = ["injectionproof", .. InjectionCorpus.Vectors.Take(12), "\"><svg onload=__xss('Q1')>", "javascript:__xss('Q2')"];
        foreach (var q in queries)
        {
            await page.GotoAsync(site.Url(SiteUrls.Search) + "?q=" + Uri.EscapeDataString(q));
            await page.WaitForSelectorAsync("html[data-search-ready='1']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
            await page.WaitForFunctionAsync("q => document.documentElement.dataset.searchQuery === q", q);
            await AssertClean(page, alerts, "search " + q);
            Assert.Equal(q, await page.Locator("#pa-q").InputValueAsync());
        }
        await page.FillAsync("#pa-q", "injectionproof");
        await page.WaitForFunctionAsync("q => document.documentElement.dataset.searchQuery === q", "injectionproof");
        var titles = (await page.Locator(".pa-result-title").AllTextContentsAsync()).Select(Norm).ToList();
        Assert.NotEmpty(titles);
        var expected = site.Archive.Papers.Select(p => Norm(p.Title)).ToHashSet(StringComparer.Ordinal);
        Assert.All(titles, t => Assert.Contains(t, expected));
        await AssertClean(page, alerts, "search results");
    }

    [Fact]
    public void Feeds_and_sitemap_stay_well_formed_and_carry_the_text()
    {
        var titles = site.Archive.Papers.Select(p => Norm(p.Title)).ToHashSet(StringComparer.Ordinal);
        var xmlFiles = Directory.EnumerateFiles(site.SiteDir, "*.xml", SearchOption.AllDirectories).ToList();
        Assert.Contains(xmlFiles, f => f.EndsWith("sitemap.xml", StringComparison.Ordinal));
        var feedTitles = 0;
        foreach (var file in xmlFiles)
        {
            var doc = XDocument.Load(file); // throws when not well-formed
            foreach (var title in doc.Descendants().Where(e => e.Name.LocalName == "title"))
            {
                feedTitles += titles.Contains(Norm(title.Value)) ? 1 : 0;
            }
            foreach (var link in doc.Descendants().Where(e => e.Name.LocalName is "link" or "loc"))
            {
                var href = link.Attribute("href")?.Value ?? link.Value;
                Assert.True(href.StartsWith("https://example.org/repo/", StringComparison.Ordinal) || href.StartsWith("https://arxiv.org/", StringComparison.Ordinal) || href.StartsWith("https://huggingface.co/", StringComparison.Ordinal),
                    $"{Path.GetFileName(file)}: link {href}");
            }
        }
        Assert.True(feedTitles >= site.Archive.Papers.Count * 2, $"only {feedTitles} feed entries carry a hostile title literally");
        foreach (var file in Directory.EnumerateFiles(site.SiteDir, "*.json", SearchOption.AllDirectories))
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(file));
            if (Path.GetFileName(file) == "feed.json")
            {
                var items = json.RootElement.GetProperty("items").EnumerateArray().Select(i => Norm(i.GetProperty("title").GetString()!)).ToList();
                Assert.Contains(items, titles.Contains);
            }
        }
    }
}
