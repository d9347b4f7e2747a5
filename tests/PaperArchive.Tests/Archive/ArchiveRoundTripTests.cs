using FsCheck;
using FsCheck.Fluent;
using PaperArchive.Archive;
using PaperArchive.Common;
using PaperArchive.Model;
using YamlDotNet.RepresentationModel;

namespace PaperArchive.Tests.Archive;

public class ArchiveRoundTripTests
{
    // Fixed seed and bounded sizes: the same cases on every run, a few seconds each.
    private static Config Config(int tests, ulong seed, int endSize = 30) =>
        FsCheck.Config.QuickThrowOnFailure.WithMaxTest(tests).WithEndSize(endSize)
            .WithReplay(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), null));

    [Fact]
    public void Yaml_scalar_round_trips_any_string()
    {
        Check.One(Config(2000, 20261129), Prop.ForAll(ArchiveGenerators.LongText.ToArbitrary(), text =>
        {
            var expected = ArchiveText.Sanitize(text);
            var stream = new YamlStream();
            stream.Load(new StringReader("k: " + YamlScalar.Quote(text) + "\n"));
            var node = (YamlScalarNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("k")];
            Assert.Equal(expected, node.Value);
            Assert.DoesNotContain('\n', YamlScalar.Quote(text));
        }));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("2401.00001")]
    [InlineData("  leading and trailing  ")]
    [InlineData("key: value # comment")]
    [InlineData("\0\u0001\u007F\u0085\u2028\uFEFF")]
    [InlineData("👨‍👩‍👧 שלום e\u0301")]
    public void Yaml_scalar_keeps_strings_that_look_like_other_types(string text)
    {
        var page = PaperPage.Render(new Paper { Id = "2401.00001", Title = text, Organization = text });
        var diagnostics = new List<Diagnostic>();
        var back = PaperPage.Parse(page, "x.md", diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal(text, back!.Title);
        Assert.Equal(text, back.Organization);
        Assert.Equal("2401.00001", back.Id);
    }

    [Fact]
    public void Lone_surrogates_become_replacement_characters()
    {
        Assert.Equal("a\uFFFDb\uFFFD👍", ArchiveText.Sanitize("a\uD800b\uDC00👍"));
        var p = new Paper { Id = "x", Title = "\uDBFF", AiKeywords = ValueList.Of("ok", "\uDC00") };
        var clean = ArchiveText.Sanitize(p);
        Assert.Equal("\uFFFD", clean.Title);
        Assert.Equal(ValueList.Of("ok", "\uFFFD"), clean.AiKeywords);
    }

    [Fact]
    public void Paper_page_round_trips_arbitrary_papers()
    {
        Check.One(Config(1500, 42, endSize: 20), Prop.ForAll(ArchiveGenerators.Paper.ToArbitrary(), paper =>
        {
            var clean = ArchiveText.Sanitize(paper);
            var diagnostics = new List<Diagnostic>();
            var back = PaperPage.Parse(PaperPage.Render(clean), "p.md", diagnostics);
            Assert.Empty(diagnostics);
            Assert.Equal(clean, back);
        }));
    }

    [Fact]
    public void Archive_round_trips_through_the_file_system()
    {
        using var tmp = TestDirs.Temp();
        var n = 0;
        Check.One(Config(25, 7, endSize: 12), Prop.ForAll(ArchiveGenerators.Archive.ToArbitrary(), model =>
        {
            var dir = tmp.Sub("a" + n++);
            ArchiveWriter.Write(model, dir);
            var read = ArchiveReader.Read(dir);
            Assert.Empty(read.Diagnostics);
            Assert.Equal(model, read.Archive);
            var again = ArchiveWriter.Write(read.Archive, dir, read);
            Assert.Equal(0, again.Written);
            Assert.Equal(read.Digest, again.Digest);
        }));
    }

    [Fact]
    public void Archive_read_through_a_saved_page_cache_is_the_archive_read_without_it()
    {
        using var tmp = TestDirs.Temp();
        var n = 0;
        Check.One(Config(25, 11, endSize: 12), Prop.ForAll(ArchiveGenerators.Archive.ToArbitrary(), model =>
        {
            var dir = tmp.Sub("c" + n++);
            ArchiveWriter.Write(model, dir);
            var plain = ArchiveReader.Read(dir);
            var file = Path.Combine(tmp.Sub("cache" + n), ArchivePageCache.FileName);
            plain.Cache.Save(file);
            var cache = ArchivePageCache.Load(file);
            Assert.Equal(plain.Cache.Count, cache.Count);
            var cached = ArchiveReader.Read(dir, cache);
            Assert.Equal(plain.Archive, cached.Archive);
            Assert.Equal(plain.Digest, cached.Digest);
            Assert.Equal(model, cached.Archive);
        }));
    }

    [Fact]
    public void A_page_whose_bytes_changed_is_parsed_again_and_a_damaged_cache_is_ignored()
    {
        using var tmp = TestDirs.Temp();
        var dir = tmp.Sub("archive");
        var paper = new Paper { Id = "2401.00001", Title = "Before", ListedOn = ValueList.Of(new DateOnly(2024, 1, 2)) };
        ArchiveWriter.Write(new ArchiveModel(ValueList.Of(paper), ValueList<DayListing>.Empty), dir);
        var cache = ArchiveReader.Read(dir).Cache;
        Assert.Equal(1, cache.Count);

        ArchiveWriter.Write(new ArchiveModel(ValueList.Of(paper with { Title = "After" }), ValueList<DayListing>.Empty), dir);
        Assert.Equal("After", Assert.Single(ArchiveReader.Read(dir, cache).Archive.Papers).Title);

        var file = Path.Combine(tmp.Sub("state"), ArchivePageCache.FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "{ \"format\": 1, \"pages\": [");
        Assert.Equal(0, ArchivePageCache.Load(file).Count);
        Assert.Equal(0, ArchivePageCache.Load(Path.Combine(tmp.Sub("none"), "missing.json")).Count);
    }
}
