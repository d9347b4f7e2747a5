using PaperArchive.Build;
using System.Diagnostics;
using System.Security.Cryptography;
using PaperArchive.Archive;

namespace PaperArchive.Tests.Reliability;

/// <summary>
/// Kill drills: the real CLI (<c>import</c>, <c>build</c>) in a child process, SIGKILLed after seeded
/// random delays, many times in a row. After every kill the archive reads back without diagnostics and
/// each of its pages is byte-for-byte the page before the run or the page the completed run writes
/// (pages are replaced atomically one by one, so a killed import leaves a mix of whole old and whole new
/// pages, never a torn or duplicated one); the site is the whole old site or the whole new one. A last
/// run then finishes the job and gives exactly what an uninterrupted run gives.
/// (The fetch drill is <see cref="Fetch.FetchKillTests"/>.)
/// </summary>
public sealed class KillDrillTests : IDisposable
{
    private readonly TestPaths.TempDir _tmp = TestPaths.Temp();

    public void Dispose() => _tmp.Dispose();

    private static readonly string[] FirstListings = ["2026-07-01.json", "2026-07-02.json", "2024-12-11.json"];

    private static readonly string[] LaterListings = ["2026-07-03.json", "2026-07-06.json", "2025-01-10.json", "2026-07-07.json"];

    [Fact]
    public async Task Killed_imports_leave_whole_pages_and_the_next_import_finishes()
    {
        var work = Workspace("import", FirstListings);
        Assert.Equal(0, (await Run(work, Import(work))).ExitCode);
        var before = Snapshot(Path.Combine(work, "archive"));

        // What the completed run writes, from a copy that is never interrupted.
        var reference = Workspace("import-reference", FirstListings);
        await Run(reference, Import(reference));
        AddListings(reference, LaterListings);
        var (_, fullRun) = await Timed(Run(reference, Import(reference)));
        var after = Snapshot(Path.Combine(reference, "archive"));
        Assert.NotEqual(before, after);

        AddListings(work, LaterListings);
        var random = new Random(20261129);
        var kills = 0;
        for (var i = 0; i < 20; i++)
        {
            kills += await RunAndKill(work, Import(work), random, fullRun) ? 1 : 0;
            AssertArchiveBetween(Path.Combine(work, "archive"), before, after);
        }

        var last = await Run(work, Import(work));
        Assert.True(last.ExitCode == 0, last.Output);
        Assert.Equal(after, Snapshot(Path.Combine(work, "archive")));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(work, "archive"), "*.tmp", SearchOption.AllDirectories));
        Assert.True(kills >= 10, $"only {kills} of 20 runs were killed before they finished");
    }

    [Fact]
    public async Task Killed_builds_leave_the_old_site_or_the_new_one_and_the_next_build_finishes()
    {
        // Small inputs and no topic rules: a build is a few seconds here, and every kill needs one.
        var work = Workspace("build", SmallFirst, topics: false);
        Assert.Equal(0, (await Run(work, Build(work))).ExitCode);
        var siteBefore = TreeDigest(Path.Combine(work, "site"));
        var archiveBefore = Snapshot(Path.Combine(work, "archive"));

        var reference = Workspace("build-reference", SmallFirst, topics: false);
        await Run(reference, Build(reference));
        AddListings(reference, SmallLater);
        var (_, fullRun) = await Timed(Run(reference, Build(reference)));
        var siteAfter = TreeDigest(Path.Combine(reference, "site"));
        var archiveAfter = Snapshot(Path.Combine(reference, "archive"));
        Assert.NotEqual(siteBefore, siteAfter);

        AddListings(work, SmallLater);
        var random = new Random(1129);
        var kills = 0;
        for (var i = 0; i < 12; i++)
        {
            kills += await RunAndKill(work, Build(work), random, fullRun) ? 1 : 0;
            var site = Path.Combine(work, "site");
            var aside = Path.Combine(work, ".site.old");
            // Killed between the two renames of the swap, the old site is set aside; the next build
            // (StagingDirectory.Recover) moves it back first. Killed while an in-place update moves its
            // files in, the staging folder holds the journal and the next build finishes the update
            // before anything else (Recover again): the new site, whole. Either way no site is lost or left torn.
            var journal = File.Exists(Path.Combine(work, ".site.building", StagingDirectory.JournalName));
            if (journal)
            {
                StagingDirectory.Recover(site);
            }
            var digest = Directory.Exists(site) ? TreeDigest(site) : TreeDigest(aside);
            Assert.True(!journal || digest == siteAfter, $"run {i}: an interrupted in-place update did not finish as the new site");
            Assert.True(digest == siteBefore || digest == siteAfter,
                $"run {i}: the site is neither the old nor the new one (site {Directory.Exists(site)}, aside {Directory.Exists(aside)}, building {Directory.Exists(Path.Combine(work, ".site.building"))})");
            AssertArchiveBetween(Path.Combine(work, "archive"), archiveBefore, archiveAfter);
        }

        var last = await Run(work, Build(work));
        Assert.True(last.ExitCode == 0, last.Output);
        Assert.Equal(siteAfter, TreeDigest(Path.Combine(work, "site")));
        Assert.Equal(archiveAfter, Snapshot(Path.Combine(work, "archive")));
        Assert.False(Directory.Exists(Path.Combine(work, ".site.building")));
        Assert.False(Directory.Exists(Path.Combine(work, ".site.old")));
        Assert.True(kills >= 6, $"only {kills} of 12 runs were killed before they finished");
    }

    private static readonly string[] SmallFirst = ["2026-07-15.json"];

    private static readonly string[] SmallLater = ["daily_papers_2024-04-04.json"];

    private string Workspace(string name, IEnumerable<string> listings, bool topics = true)
    {
        var root = Path.Combine(_tmp.Path, name);
        Directory.CreateDirectory(Path.Combine(root, "input", "listings"));
        File.WriteAllText(Path.Combine(root, "input", "site.yml"), "title: Kill Drill\nbase_url: https://example.org/drill/\n");
        if (topics)
        {
            File.Copy(Path.Combine(TestPaths.RepoRoot, "input", "topics.yml"), Path.Combine(root, "input", "topics.yml"));
        }
        AddListings(root, listings);
        return root;
    }

    private static void AddListings(string root, IEnumerable<string> listings)
    {
        foreach (var name in listings)
        {
            File.Copy(Path.Combine(TestPaths.Fixtures, "hf-api", name), Path.Combine(root, "input", "listings", name));
        }
    }

    private static string[] Import(string root) => ["import", "--input", Path.Combine(root, "input"), "--archive", Path.Combine(root, "archive")];

    private static string[] Build(string root) =>
        ["build", "--input", Path.Combine(root, "input"), "--archive", Path.Combine(root, "archive"), "--output", Path.Combine(root, "site"), "--themes-dir", TestPaths.Themes];

    /// <summary>Every archive page is the old page or the new one; nothing torn, duplicated or unreadable.</summary>
    private static void AssertArchiveBetween(string archive, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        var read = ArchiveReader.Read(archive);
        Assert.Empty(read.Diagnostics);
        var now = Snapshot(archive);
        foreach (var (rel, hash) in now)
        {
            Assert.True(before.GetValueOrDefault(rel) == hash || after.GetValueOrDefault(rel) == hash, $"{rel} is neither the old page nor the new one");
        }
        // Nothing archived is lost: as many papers as before, at least (a page may only move).
        Assert.True(read.Archive.Papers.Count >= before.Keys.Count(r => r.StartsWith("papers/", StringComparison.Ordinal)), "papers disappeared");
    }

    /// <summary>Archive pages (what the reader owns, plus the README) by path, as SHA-256.</summary>
    private static Dictionary<string, string> Snapshot(string archive) =>
        ArchiveDigest.OwnedFiles(archive).Append("README.md")
            .Where(rel => File.Exists(Path.Combine(archive, rel)))
            .ToDictionary(rel => rel, rel => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(archive, rel)))), StringComparer.Ordinal);

    private static string TreeDigest(string dir)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // The parsed-page cache and its delta (and their temp files) are a shortcut saved after publishing, not part of the site.
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Where(f => !f.Contains(PaperArchive.Archive.ArchivePageCache.FileName, StringComparison.Ordinal) && !f.Contains(PaperArchive.Archive.ArchivePageCache.DeltaFileName, StringComparison.Ordinal) && !f.Contains(PaperArchive.Search.SearchAnalysisCache.FileName, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(dir, file) + "\n"));
            sha.AppendData(SHA256.HashData(File.ReadAllBytes(file)));
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    /// <summary>
    /// Starts the CLI, waits a seeded random share of a full run, SIGKILLs it. True when it was still
    /// running. A run that finished first shortens later waits (the machine may be less loaded than when
    /// the full run was timed), so most runs are killed somewhere inside their work.
    /// </summary>
    private async Task<bool> RunAndKill(string root, string[] args, Random random, TimeSpan fullRun)
    {
        using var child = Start(root, args);
        var delay = TimeSpan.FromMilliseconds(random.NextDouble() * fullRun.TotalMilliseconds * _scale);
        var exited = child.WaitForExit(delay);
        if (!exited)
        {
            child.Kill(); // SIGKILL on Unix: no finally blocks, no Dispose, no flush
        }
        else
        {
            _scale *= 0.7;
        }
        await child.WaitForExitAsync();
        return !exited;
    }

    private double _scale = 1.0;

    private static async Task<(int ExitCode, string Output)> Run(string root, string[] args)
    {
        using var child = Start(root, args);
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        return (child.ExitCode, await stdout + await stderr);
    }

    private static async Task<(T Result, TimeSpan Elapsed)> Timed<T>(Task<T> task)
    {
        var clock = Stopwatch.StartNew();
        var result = await task;
        return (result, clock.Elapsed);
    }

    private static Process Start(string root, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PaperArchive.Cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        return Process.Start(start)!;
    }
}
