using System.Net;
using System.Text;
using PaperArchive.Serve;

namespace PaperArchive.Tests.Serve;

/// <summary>The preview server over a real build: traversal, injection, rebuilds under load, error state and recovery.</summary>
public class PreviewServerTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Secret = "PAPERARCHIVE-SECRET-7f3a";

    [Theory]
    [InlineData("/../../etc/passwd")]
    [InlineData("/repo/../../../../../../etc/passwd")]
    [InlineData("/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/repo/%2e%2e/secret.txt")]
    [InlineData("/repo/..%2fsecret.txt")]
    [InlineData("/repo/%2e%2e%2fsecret.txt")]
    [InlineData("/%252e%252e/")]
    [InlineData("/repo/%252e%252e/secret.txt")]
    [InlineData("/repo/..\\secret.txt")]
    [InlineData("/repo/%5c..%5csecret.txt")]
    [InlineData("/repo/index.html%00")]
    [InlineData("/repo//etc/passwd")]
    [InlineData("//etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("/repo/%2fetc%2fpasswd")]
    [InlineData("/repo/escape/secret.txt")]
    [InlineData("/repo/escape-file.txt")]
    public async Task Traversal_requests_get_400_or_404_and_never_the_file(string target)
    {
        // A secret beside the site, and links inside the site pointing out of it.
        File.WriteAllText(Path.Combine(fixture.Workspace.Root, "secret.txt"), Secret);
        TryLink(Path.Combine(fixture.Server.SiteDir, "escape"), fixture.Workspace.Root, directory: true);
        TryLink(Path.Combine(fixture.Server.SiteDir, "escape-file.txt"), Path.Combine(fixture.Workspace.Root, "secret.txt"), directory: false);

        int status;
        string body;
        try
        {
            (status, _, body) = await RawHttp.GetAsync(fixture.Port, target);
        }
        finally
        {
            // Rebuilds update the site in place, so the links would outlive this test (and loop a recursive listing).
            File.Delete(Path.Combine(fixture.Server.SiteDir, "escape"));
            File.Delete(Path.Combine(fixture.Server.SiteDir, "escape-file.txt"));
        }

        Assert.True(status is 400 or 404, $"{target} → {status}");
        Assert.DoesNotContain(Secret, body);
        Assert.DoesNotContain("root:x:0:0", body);
    }

    [Fact]
    public async Task Root_redirects_to_the_base_path_and_folders_get_their_slash()
    {
        var (status, headers, _) = await RawHttp.GetAsync(fixture.Port, "/");
        Assert.Equal(302, status);
        Assert.Contains("Location: /repo/", headers);
        (status, headers, _) = await RawHttp.GetAsync(fixture.Port, "/repo/assets");
        Assert.Equal(302, status);
        Assert.Contains("Location: /repo/assets/", headers);
    }

    [Fact]
    public async Task Missing_page_gets_the_sites_404_page_with_status_404()
    {
        var (status, headers, body) = await RawHttp.GetAsync(fixture.Port, "/repo/no/such/page.html");
        Assert.Equal(404, status);
        Assert.Contains("Content-Type: text/html", headers);
        var onDisk = File.ReadAllText(Path.Combine(fixture.Server.SiteDir, "404.html"));
        Assert.StartsWith(onDisk[..onDisk.IndexOf("</body>", StringComparison.Ordinal)], body);
    }

    [Fact]
    public async Task Served_html_has_the_reload_script_and_the_files_on_disk_do_not()
    {
        var (status, headers, body) = await RawHttp.GetAsync(fixture.Port, "/repo/");
        Assert.Equal(200, status);
        Assert.Contains("Content-Type: text/html; charset=utf-8", headers);
        Assert.Contains("Cache-Control: no-store", headers);
        Assert.Contains($"<script src=\"{LiveReload.ScriptPath}\" data-paperarchive-state=", body);
        Assert.EndsWith("</html>", body.TrimEnd());
        foreach (var file in Directory.EnumerateFiles(fixture.Server.SiteDir, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain("__paperarchive", File.ReadAllText(file));
        }
        // Stylesheets carry a content hash in their name (AssetManifest): site.<hash>.css.
        var cssFile = Directory.GetFiles(Path.Combine(fixture.Server.SiteDir, "assets", "css"), "site.*.css").Single();
        var (cssStatus, cssHeaders, css) = await RawHttp.GetAsync(fixture.Port, "/repo/assets/css/" + Path.GetFileName(cssFile));
        Assert.Equal(200, cssStatus);
        Assert.Contains("Content-Type: text/css", cssHeaders);
        Assert.Equal(File.ReadAllText(cssFile), css);
        var (jsStatus, _, script) = await RawHttp.GetAsync(fixture.Port, LiveReload.ScriptPath);
        Assert.Equal(200, jsStatus);
        Assert.Contains("EventSource", script);
    }

    [Fact]
    public async Task Parallel_requests_during_two_rebuilds_all_succeed_with_complete_pages()
    {
        var pages = Directory.EnumerateFiles(fixture.Server.SiteDir, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(fixture.Server.SiteDir, f).Replace('\\', '/'))
            .Where(p => p != "404.html")
            .Order(StringComparer.Ordinal)
            .Take(20)
            .ToList();
        var targets = pages.Select(p => (Url: "/repo/" + p, Status: 200))
            .Append(("/repo/assets/css/" + Path.GetFileName(Directory.GetFiles(Path.Combine(fixture.Server.SiteDir, "assets", "css"), "site.*.css").Single()), 200))
            .Append(("/repo/missing-page.html", 404))
            .ToList();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{fixture.Port}") };
        var failures = new List<string>();
        var served = 0;
        var before = fixture.Server.Status.SiteBuild;

        var rebuilds = Task.Run(async () =>
        {
            Assert.True((await fixture.Server.RebuildAsync()).Ok);
            Assert.True((await fixture.Server.RebuildAsync()).Ok);
        });
        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            // Keep requesting until both rebuilds are done (at least 25 requests each: 200 in all).
            for (var i = 0; i < 25 || !rebuilds.IsCompleted; i++)
            {
                var (url, expected) = targets[(worker * 31 + i) % targets.Count];
                using var response = await client.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                Interlocked.Increment(ref served);
                var complete = !url.EndsWith(".html", StringComparison.Ordinal) || body.TrimEnd().EndsWith("</html>", StringComparison.Ordinal);
                if ((int)response.StatusCode != expected || !complete)
                {
                    lock (failures)
                    {
                        failures.Add($"{url}: {(int)response.StatusCode}, {body.Length} chars, complete={complete}");
                    }
                }
            }
        })).ToList();
        await Task.WhenAll(workers.Append(rebuilds));

        Assert.Empty(failures);
        Assert.True(served >= 200);
        Assert.True(fixture.Server.Status.SiteBuild >= before + 2);
    }

    [Fact]
    public async Task Template_error_keeps_the_old_site_reports_file_and_line_and_a_fix_recovers()
    {
        var header = fixture.Workspace.ThemeFile("partials/header.html");
        var original = File.ReadAllText(header);
        // Tests share the server: a file an earlier test restored may still have a rebuild queued by the watcher.
        // One rebuild first takes it along, so the last good site is the one this test sees.
        var flushed = await fixture.Server.RebuildAsync();
        Assert.True(flushed.Ok);
        var good = flushed.SiteBuild;
        try
        {
            File.WriteAllText(header, "<header>\n{{ if }}\n</header>\n");
            var failed = await fixture.Server.RebuildAsync();

            Assert.False(failed.Ok);
            Assert.Equal(good, failed.SiteBuild);
            var error = Assert.Single(failed.Errors, e => e.File.EndsWith("partials/header.html", StringComparison.Ordinal));
            Assert.StartsWith("line 2", error.Location);
            // The last good site is still served, carrying the errors for the overlay.
            var (status, _, body) = await RawHttp.GetAsync(fixture.Port, "/repo/");
            Assert.Equal(200, status);
            Assert.Contains("&quot;ok&quot;:false", body);
            Assert.Contains("partials/header.html", body);
        }
        finally
        {
            File.WriteAllText(header, original);
        }
        var fixedStatus = await fixture.Server.RebuildAsync();
        Assert.True(fixedStatus.Ok);
        Assert.True(fixedStatus.SiteBuild > good);
        var (_, _, after) = await RawHttp.GetAsync(fixture.Port, "/repo/");
        Assert.Contains("&quot;ok&quot;:true", after);
    }

    [Fact]
    public async Task Data_error_publishes_what_was_good_and_still_reports_file_and_line()
    {
        var siteYml = Path.Combine(fixture.Workspace.Input, "site.yml");
        var original = File.ReadAllText(siteYml);
        var before = fixture.Server.Status.SiteBuild;
        try
        {
            File.WriteAllText(siteYml, original + "title: [unclosed\n");
            var status = await fixture.Server.RebuildAsync();

            Assert.False(status.Ok);
            var error = Assert.Single(status.Errors);
            Assert.EndsWith("site.yml", error.File);
            Assert.StartsWith("line ", error.Location);
            var (code, _, body) = await RawHttp.GetAsync(fixture.Port, "/repo/");
            Assert.Equal(200, code);
            Assert.Contains("site.yml", body);
        }
        finally
        {
            File.WriteAllText(siteYml, original);
        }
        var recovered = await fixture.Server.RebuildAsync();
        Assert.True(recovered.Ok);
        Assert.True(recovered.SiteBuild > before);
    }

    [Fact]
    public async Task Saving_a_theme_file_rebuilds_and_tells_event_listeners()
    {
        // A rebuild an earlier test's file restore queued runs first (the stream opens with the latest status).
        Assert.True((await fixture.Server.RebuildAsync()).Ok);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{fixture.Port}"), Timeout = TimeSpan.FromMinutes(2) };
        using var response = await client.GetAsync(LiveReload.EventsPath, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8);
        var first = await NextDataAsync(reader);
        Assert.Contains("\"ok\":true", first);

        var footer = fixture.Workspace.ThemeFile("partials/footer.html");
        var original = File.ReadAllText(footer);
        try
        {
            File.WriteAllText(footer, original + "\n<!-- edited by the watcher test -->\n");
            // Each event is a finished build; one of the next few carries the edit (no sleeping, no polling).
            var seen = false;
            for (var i = 0; i < 5 && !seen; i++)
            {
                var next = await NextDataAsync(reader);
                Assert.NotEqual(first, next);
                Assert.Contains("\"ok\":true", next);
                var (_, _, body) = await RawHttp.GetAsync(fixture.Port, "/repo/");
                seen = body.Contains("edited by the watcher test", StringComparison.Ordinal);
            }
            Assert.True(seen);
        }
        finally
        {
            File.WriteAllText(footer, original);
        }
        // The restore triggers one more build; wait for it so other tests see a quiet server.
        await NextDataAsync(reader);
    }

    private static async Task<string> NextDataAsync(StreamReader reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("event stream closed");
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return line["data: ".Length..];
            }
        }
    }

    private static void TryLink(string link, string target, bool directory)
    {
        if (Path.Exists(link))
        {
            return;
        }
        if (directory)
        {
            Directory.CreateSymbolicLink(link, target);
        }
        else
        {
            File.CreateSymbolicLink(link, target);
        }
    }
}
