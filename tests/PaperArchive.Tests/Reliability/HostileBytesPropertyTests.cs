using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PaperArchive.Archive;
using PaperArchive.Build;
using PaperArchive.Common;
using PaperArchive.Ingest;
using PaperArchive.Model;
using PaperArchive.Topics;

namespace PaperArchive.Tests.Reliability;

/// <summary>
/// Every reader, given arbitrary bytes from disk, returns diagnostics and never throws: listing files
/// (all formats, through <see cref="ListingReader.Read"/> and each format's own Read, which has no
/// safety net), archive pages (<see cref="ArchiveReader"/>), topics.yml and site.yml. Inputs are random
/// bytes, random Unicode, and real fixtures (and the repository's input/*.yml) cut, spliced and
/// bit-flipped, so that the formats get past sniffing. Fixed seeds; a few thousand cases in all.
/// </summary>
public sealed class HostileBytesPropertyTests : IDisposable
{
    private readonly TestPaths.TempDir _tmp = TestPaths.Temp();

    public void Dispose() => _tmp.Dispose();

    private static Config Config(int tests, ulong seed) =>
        FsCheck.Config.QuickThrowOnFailure.WithMaxTest(tests).WithEndSize(200)
            .WithReplay(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), null));

    // The fixtures' heads keep each case fast; every format still sees its own real structure.
    private static readonly byte[][] ListingSeeds =
    [
        Head("hf-api/EXAMPLE_item.json", 8000),
        Head("hf-api/2026-07-15.json", 12544),
        Head("hf-api/2024-12-11.json", 6000),
        Head("hf-api/2025-01-10.json", 6000),
        Head("hf-api/daily_papers_2024-03-12.json", 6000),
        Head("hf-html/papers-listing-2024-08-01.html", 16000),
        Head("hf-html/paper-page-2509.24002.prettified.html", 16000),
        Head("hf-text/papers-search-text-copy.txt", 6000),
        Head("hf-text/papers-search-markdown-copy.md", 6000),
        Head("seeds/000_b67c35e6703752eb.txt", 6000),
    ];

    private static byte[] Head(string fixture, int bytes)
    {
        var all = File.ReadAllBytes(Path.Combine(TestPaths.Fixtures, fixture));
        return all.AsSpan(0, Math.Min(bytes, all.Length)).ToArray();
    }

    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", "\"", "'", ":", ",", "null", "None", "True", "1e999", "-0", "NaN", "\\u0000", "\\ud800", "<", ">", "</",
        "<script>", "<!--", "]]>", "&amp;", "&#0;", "&#xD800;", "---\n", "\n", "\r\n", "\0", "\uFEFF", "- ", "? ", "!!binary ", "&a ", "*a ",
        "%YAML 1.1\n", "{{", "}}", "### [", "](https://huggingface.co/papers/2401.00001)", "• 3 authors", "Jan 29", "data-props=\"", "&quot;",
    ];

    /// <summary>Random bytes, random tokens, and seeds damaged in one of five ways.</summary>
    private static Gen<byte[]> Damaged(byte[][] seeds) => Gen.Frequency(
        (1, ArbMap.Default.GeneratorFor<byte[]>()),
        (1, Gen.Elements(Tokens).ListOf().Select(t => Encoding.UTF8.GetBytes(string.Concat(t)))),
        (6, from seed in Gen.Elements(seeds)
            from kind in Gen.Choose(0, 4)
            from at in Gen.Choose(0, int.MaxValue - 1)
            from len in Gen.Choose(0, 64)
            from token in Gen.Elements(Tokens)
            from noise in ArbMap.Default.GeneratorFor<byte[]>()
            select Damage(seed, kind, at, len, token, noise)));

    private static byte[] Damage(byte[] seed, int kind, int at, int len, string token, byte[] noise)
    {
        var pos = seed.Length == 0 ? 0 : at % seed.Length;
        var result = new List<byte>(seed);
        switch (kind)
        {
            case 0: // cut short
                result.RemoveRange(pos, result.Count - pos);
                break;
            case 1: // a token in the middle
                result.InsertRange(pos, Encoding.UTF8.GetBytes(token));
                break;
            case 2: // random bytes in the middle
                result.InsertRange(pos, noise);
                break;
            case 3: // flipped bits
                for (var i = 0; i < len && pos + i < result.Count; i++)
                {
                    result[pos + i] ^= (byte)(1 << (i % 8));
                }
                break;
            default: // a span cut out
                result.RemoveRange(pos, Math.Min(len * 8, result.Count - pos));
                break;
        }
        return [.. result];
    }

    private static readonly string[] Names = ["listing.json", "2026-07-01.json", "page.html", "copy.txt", "copy.md", "x"];

    [Fact]
    public void Listing_readers_never_throw_on_arbitrary_bytes()
    {
        var n = 0;
        var utf8 = new UTF8Encoding(false, false);
        Check.One(Config(1500, 20261129), Prop.ForAll(Damaged(ListingSeeds).ToArbitrary(), bytes =>
        {
            var path = Path.Combine(_tmp.Path, (n++ % 8) + "-" + Names[n % Names.Length]);
            File.WriteAllBytes(path, bytes);
            var result = ListingReader.Read(path);
            Assert.All(result.Diagnostics, d => Assert.Equal(path, d.File));
            Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("could not be read", StringComparison.Ordinal));
            Assert.True(!result.Failed || result.Diagnostics.Count > 0, "a failed read must say why");
            var text = utf8.GetString(bytes);
            foreach (var format in ListingReader.Formats)
            {
                // No safety net here: a throw is a bug in that format.
                var direct = format.Read(text, path);
                Assert.All(direct.Observations, o => Assert.False(string.IsNullOrWhiteSpace(o.Paper.Id)));
            }
        }));
    }

    [Fact]
    public void Archive_reader_never_throws_on_arbitrary_pages()
    {
        var dir = Path.Combine(_tmp.Path, "archive");
        var seeds = new[] { PaperSeed(), DaySeed() };
        var n = 0;
        Check.One(Config(400, 1129), Prop.ForAll(Damaged(seeds).ToArbitrary(), bytes =>
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
            var paper = Path.Combine(dir, "papers", "2026-07", "2607.00001.md");
            var day = Path.Combine(dir, "days", "2026", "2026-07-01.md");
            Directory.CreateDirectory(Path.GetDirectoryName(paper)!);
            Directory.CreateDirectory(Path.GetDirectoryName(day)!);
            File.WriteAllBytes(n++ % 2 == 0 ? paper : day, bytes);
            var read = ArchiveReader.Read(dir);
            // A page that cannot be read is named (file) and set aside, never half-used.
            Assert.All(read.Diagnostics, d => Assert.StartsWith(dir, d.File, StringComparison.Ordinal));
            Assert.True(read.Archive.Papers.Count + read.Archive.Days.Count + read.UnreadableFiles.Count == 1);
        }));
    }

    private static byte[] PaperSeed() => Encoding.UTF8.GetBytes(PaperPage.Render(new Paper
    {
        Id = "2607.00001",
        ArxivId = "2607.00001",
        Title = "A: title # with \"quotes\"",
        Abstract = "Line one.\n\nLine two {{ x }} $y$",
        Authors = ValueList.Of(new Author("Ada Lovelace", "ada"), new Author("X")),
        ListedOn = ValueList.Of(new DateOnly(2026, 7, 1)),
        Snapshots = ValueList.Of(new CountSnapshot(new DateOnly(2026, 7, 1), 3, 1)),
        AiKeywords = ValueList.Of("llm", "agents"),
    }));

    private static byte[] DaySeed()
    {
        var paper = new Paper { Id = "2607.00001", Title = "T" };
        return Encoding.UTF8.GetBytes(DayPage.Render(new DayListing(new DateOnly(2026, 7, 1), ValueList.Of("2607.00001", "2607.00002")),
            new Dictionary<string, Paper> { ["2607.00001"] = paper }, new DateOnly(2026, 6, 30), null));
    }

    [Fact]
    public void Topic_rules_and_site_config_never_throw_on_arbitrary_text()
    {
        var seeds = new[]
        {
            File.ReadAllBytes(Path.Combine(TestPaths.RepoRoot, "input", "topics.yml")).AsSpan(0, 3000).ToArray(),
            File.ReadAllBytes(Path.Combine(TestPaths.RepoRoot, "input", "site.yml")),
        };
        var utf8 = new UTF8Encoding(false, false);
        var topicsFile = Path.Combine(_tmp.Path, "topics.yml");
        var siteFile = Path.Combine(_tmp.Path, "site.yml");
        Check.One(Config(1500, 5), Prop.ForAll(Damaged(seeds).ToArbitrary(), bytes =>
        {
            var text = utf8.GetString(bytes);
            var (topics, topicDiagnostics) = TopicRules.Parse(text, "topics.yml");
            Assert.All(topics, t => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", t.Slug));
            Assert.All(topicDiagnostics, d => Assert.Equal("topics.yml", d.File));
            var (config, siteDiagnostics) = SiteConfigLoader.Parse(text, "site.yml");
            Assert.NotNull(config);
            Assert.All(siteDiagnostics, d => Assert.Equal("site.yml", d.File));
            // And from disk, as the build reads them.
            File.WriteAllBytes(topicsFile, bytes);
            File.WriteAllBytes(siteFile, bytes);
            TopicRules.Load(topicsFile);
            SiteConfigLoader.Load(siteFile);
        }));
    }
}
