using System.IO.Compression;
using PaperArchive.Build;
using PaperArchive.Rendering;

namespace PaperArchive.Tests.Reader;

/// <summary><c>build --zip</c>: a deterministic zip of the whole site, linked from it; the service worker's version follows the build.</summary>
public class OfflineCopyTests
{
    private static BuildOptions Input(string root, string listing = "2026-07-01.json")
    {
        var input = Path.Combine(root, "input");
        Directory.CreateDirectory(Path.Combine(input, "listings"));
        File.Copy(Path.Combine(TestPaths.Fixtures, "hf-api", listing), Path.Combine(input, "listings", listing));
        File.Copy(Path.Combine(TestPaths.RepoRoot, "input", "topics.yml"), Path.Combine(input, "topics.yml"));
        File.WriteAllText(Path.Combine(input, "site.yml"), "title: Test Archive\nbase_url: https://me.github.io/papers/\n");
        return new BuildOptions
        {
            InputDir = input,
            ArchiveDir = Path.Combine(root, "archive"),
            OutputDir = Path.Combine(root, "site"),
            ThemesDir = TestPaths.Themes,
            Zip = true,
            Strict = true,
        };
    }

    [Fact]
    public void Zip_build_passes_the_link_check_links_the_zip_and_is_byte_identical_across_builds()
    {
        using var a = TestPaths.Temp();
        using var b = TestPaths.Temp();
        var oa = Input(a.Path);
        var ob = Input(b.Path);
        var report = SiteBuilder.Build(oa);
        Assert.True(report.Published, string.Join("\n", report.Diagnostics));
        Assert.Contains(report.Steps, s => s.Step == "zip");
        // The same through the command line: `paperarchive build --zip`.
        var (console, output) = PaperArchive.Tests.Cli.ImportCommandTests.PlainConsole();
        var exit = PaperArchive.Cli.Program.BuildRoot(console).Parse(["build", "--input", ob.InputDir, "--archive", ob.ArchiveDir, "--output", ob.OutputDir,
            "--themes-dir", TestPaths.Themes, "--strict", "--zip"]).Invoke();
        Assert.True(exit == 0, output.ToString());

        var zipA = Path.Combine(oa.OutputDir, SiteUrls.OfflineZip);
        Assert.Equal(File.ReadAllBytes(zipA), File.ReadAllBytes(Path.Combine(ob.OutputDir, SiteUrls.OfflineZip)));
        Assert.Contains("<a href=\"offline/site.zip\" download data-offline-zip>", File.ReadAllText(Path.Combine(oa.OutputDir, "index.html")));

        using var zip = ZipFile.OpenRead(zipA);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.All(zip.Entries, e => Assert.Equal(OfflineZipWriter.Timestamp.DateTime, e.LastWriteTime.DateTime));
        Assert.Contains("paperarchive/index.html", names);
        Assert.Contains("paperarchive/search-index/root.js", names);
        Assert.Contains("paperarchive/reader/recent.js", names);
        Assert.DoesNotContain(names, n => n.StartsWith("paperarchive/offline/", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.Contains("/.", StringComparison.Ordinal));
        // Every file of the site except the zip itself and the build's own state, byte for byte.
        var files = Directory.GetFiles(oa.OutputDir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(oa.OutputDir, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("offline/", StringComparison.Ordinal) && !f.StartsWith(".paperarchive/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files.Select(f => "paperarchive/" + f), names);
        using var stream = zip.GetEntry("paperarchive/index.html")!.Open();
        using var reader = new StreamReader(stream);
        Assert.Equal(File.ReadAllText(Path.Combine(oa.OutputDir, "index.html")), reader.ReadToEnd());
    }

    [Fact]
    public void Without_zip_there_is_no_zip_and_no_link_and_the_service_worker_names_this_build()
    {
        using var a = TestPaths.Temp();
        var options = Input(a.Path) with { Zip = false };
        Assert.True(SiteBuilder.Build(options).Published);
        Assert.False(File.Exists(Path.Combine(options.OutputDir, SiteUrls.OfflineZip)));
        Assert.DoesNotContain("offline/site.zip", File.ReadAllText(Path.Combine(options.OutputDir, "index.html")));
        var sw = File.ReadAllText(Path.Combine(options.OutputDir, SiteUrls.ServiceWorker));
        Assert.Matches("var PA_VERSION = \"[0-9a-f]{12}\";", sw);
        // Precache lists only files the build wrote, with their fingerprinted names.
        var list = sw[(sw.IndexOf("PA_PRECACHE = [", StringComparison.Ordinal) + 15)..sw.IndexOf("];", StringComparison.Ordinal)];
        foreach (var path in list.Split(',').Select(s => s.Trim('"')))
        {
            Assert.True(File.Exists(Path.Combine(options.OutputDir, path)), path);
        }
        Assert.Matches("assets/css/site\\.[0-9a-f]{10}\\.css", list);

        // A new build with more data gets a new version; the same data the same one.
        var version = sw[..sw.IndexOf(";", StringComparison.Ordinal)];
        File.Copy(Path.Combine(TestPaths.Fixtures, "hf-api", "2026-07-02.json"), Path.Combine(options.InputDir, "listings", "2026-07-02.json"));
        Assert.True(SiteBuilder.Build(options).Published);
        var next = File.ReadAllText(Path.Combine(options.OutputDir, SiteUrls.ServiceWorker));
        Assert.NotEqual(version, next[..next.IndexOf(";", StringComparison.Ordinal)]);
    }
}
