using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PaperArchive.Archive;
using PaperArchive.Model;
using PaperArchive.Tests.Archive;

namespace PaperArchive.Tests.Reliability;

/// <summary>
/// Archive round trips (ArchiveWriter → ArchiveReader) for papers whose every text field can hold any
/// Unicode: RTL, combining marks, emoji, NUL and other controls, lone surrogates, empty and very long
/// values. Decided behaviour: text is kept exactly (NUL and controls are escaped in the YAML front
/// matter and come back as they were) except lone UTF-16 surrogates, which UTF-8 cannot encode and
/// which become U+FFFD at import (<see cref="ArchiveText.Sanitize(string)"/>). Every page is valid UTF-8,
/// and a second round trip changes nothing (no file written, same digest, same model).
/// </summary>
public sealed class ArchiveUnicodePropertyTests : IDisposable
{
    private readonly TestPaths.TempDir _tmp = TestPaths.Temp();

    public void Dispose() => _tmp.Dispose();

    private static readonly string[] Hard =
    [
        "\0", "a\0b", "\uD800", "x\uDC00y", "\uDBFF\uDFFF", "שלום עולם", "مرحبا بالعالم", "\u202Eevil\u202C", "\u200F\u200E", "e\u0301\u0302\u0303",
        "\u0308", "👨‍👩‍👧‍👦", "🏳️‍🌈", "\U0001F600", "", " ", "\t\n\r", "\u0085\u2028\u2029", "\uFEFF", "\uFFFE\uFFFF", "\u001B[31m", "---", "...",
    ];

    private static readonly Gen<string> HardText = Gen.Frequency(
        (4, Gen.Elements(Hard).ListOf().Select(parts => string.Concat(parts))),
        (2, ArchiveGenerators.Text),
        (1, from piece in Gen.Elements(Hard) from n in Gen.Choose(1_000, 60_000) select string.Concat(Enumerable.Repeat(piece + "ab", n / (piece.Length + 2) + 1))));

    private static readonly Gen<Paper> HardPaper =
        from paper in ArchiveGenerators.Paper
        from title in HardText
        from abs in HardText
        from name in HardText
        from org in HardText
        from keyword in HardText
        select paper with
        {
            Title = title,
            Abstract = abs,
            Authors = paper.Authors.Append(new Author(name)).ToValueList(),
            Organization = org,
            AiKeywords = paper.AiKeywords.Append(keyword).ToValueList(),
            AiSummary = abs.Length > 0 ? abs[..(abs.Length / 2)] : abs,
        };

    [Fact]
    public void Any_unicode_round_trips_as_valid_utf8_and_is_stable()
    {
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var n = 0;
        var config = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(150).WithEndSize(10)
            .WithReplay(new Replay(new Rnd(20261129, 0x9E3779B97F4A7C15UL), null));
        Check.One(config, Prop.ForAll(HardPaper.ListOf().ToArbitrary(), papers =>
        {
            var clean = papers.Select(ArchiveText.Sanitize).Where(p => p.Id.Trim().Length > 0)
                .DistinctBy(p => ArchiveLayout.PaperFileName(p.Id).ToLowerInvariant())
                .OrderBy(p => p.Id, StringComparer.Ordinal).ToValueList();
            var model = new ArchiveModel(clean, clean.Count == 0 ? ValueList<DayListing>.Empty
                : ValueList.Of(new DayListing(new DateOnly(2026, 7, 1), clean.Select(p => p.Id).ToValueList())));
            var dir = Path.Combine(_tmp.Path, "a" + n++);
            ArchiveWriter.Write(model, dir);
            foreach (var file in Directory.EnumerateFiles(dir, "*.md", SearchOption.AllDirectories))
            {
                strict.GetString(File.ReadAllBytes(file)); // throws on invalid UTF-8
            }
            var first = ArchiveReader.Read(dir);
            Assert.Empty(first.Diagnostics);
            Assert.Equal(model, first.Archive);
            var again = ArchiveWriter.Write(first.Archive, dir, first);
            Assert.Equal(0, again.Written);
            var second = ArchiveReader.Read(dir);
            Assert.Equal(first.Digest, second.Digest);
            Assert.Equal(first.Archive, second.Archive);
            Directory.Delete(dir, recursive: true);
        }));
    }

    // Strings with lone surrogates cannot travel in attribute data (xunit mangles them), hence a Fact.
    [Fact]
    public void Nul_is_kept_and_lone_surrogates_become_replacement_characters()
    {
        string[][] cases = [["a\0b", "a\0b"], ["\uD800", "\uFFFD"], ["x\uDC00\uD800y", "x\uFFFD\uFFFDy"], ["\uD83D\uDE00", "\uD83D\uDE00"], ["\0\u0001\u001F\u007F", "\0\u0001\u001F\u007F"]];
        foreach (var c in cases)
        {
            RoundTrip(c[0], c[1]);
        }
    }

    private void RoundTrip(string given, string archived)
    {
        var dir = Path.Combine(_tmp.Path, "nul" + Guid.NewGuid().ToString("N"));
        var paper = ArchiveText.Sanitize(new Paper { Id = "2607.00001", Title = given, Abstract = given, Authors = ValueList.Of(new Author(given)) });
        ArchiveWriter.Write(new ArchiveModel(ValueList.Of(paper), ValueList<DayListing>.Empty), dir);
        var back = ArchiveReader.Read(dir).Archive.Papers.Single();
        Assert.Equal(archived, back.Title);
        Assert.Equal(archived, back.Abstract);
        Assert.Equal(archived, back.Authors[0].Name);
    }
}
