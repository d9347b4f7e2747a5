using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperArchive.Ingest;
using PaperArchive.Ingest.Html;
using PaperArchive.Ingest.Text;
using PaperArchive.Model;

namespace PaperArchive.Tests.Ingest;

/// <summary>Text built from the pieces the readers look for, so that random input reaches deep into the parsers.</summary>
public sealed record ListingNoise(string Text);

/// <summary>A fixture damaged the way real files get damaged: cut off, lines lost, lines shuffled, bytes flipped.</summary>
public sealed record DamagedFixture(string Fixture, int Kind, int Seed)
{
    public string Apply()
    {
        var text = IngestFixtures.Text(Fixture);
        var rnd = new Random(Seed);
        var lines = text.Split('\n').ToList();
        switch (Kind)
        {
            case 0:
                return text[..rnd.Next(text.Length)];
            case 1:
                for (var i = rnd.Next(1, 1 + Math.Max(1, lines.Count / 4)); i > 0 && lines.Count > 0; i--)
                {
                    lines.RemoveAt(rnd.Next(lines.Count));
                }
                return string.Join('\n', lines);
            case 2:
                return string.Join('\n', lines.OrderBy(_ => rnd.Next()));
            case 3:
                const string noise = "·•[]()<>\"'{}\n\\-0123456789 ";
                var chars = text.ToCharArray();
                for (var i = 0; i < 50; i++)
                {
                    chars[rnd.Next(chars.Length)] = noise[rnd.Next(noise.Length)];
                }
                return new string(chars);
            default:
                var start = rnd.Next(text.Length);
                return text[start..] + text[..start];
        }
    }
}

public static class IngestArbitraries
{
    private static readonly string[] Pieces =
    [
        "\n", "\n\n", " ", "·", "•", "  • 3 authors", "1 authors", "Jan 29", "Feb 29", "Oct 27, 2025", "Oct 27, 2025 2", "May 29[6](https://huggingface.co/papers/2606.00683#community)",
        "[-] 1", "[-] -", "[-]", "[101](https://huggingface.co/login?next=%2Fpapers%2F2606.00683)", "[-](https://huggingface.co/login)",
        "https://huggingface.co/papers/2410.05434", "https://huggingface.co/papers/2410.05434#community", "https://huggingface.co/login?next=%2Fpapers%2F2410.05434",
        "https://huggingface.co/google", "https://huggingface.co/papers/date/2026-03-24", "[", "2 authors](https://huggingface.co/papers/2410.05434)",
        "### [A Title](https://huggingface.co/papers/2606.00683)", "### [](https://huggingface.co/papers/x)", "[An abstract\\\\\nwrapped](https://huggingface.co/papers/2606.00683)",
        "[![occ-ai](https://x/y.png)OCC](https://huggingface.co/occ-ai)", "[- 10 authors](https://huggingface.co/papers/1)",
        "---", "retrieved: 2026-10-02", "exported: 2026-13-45", "url: https://huggingface.co/papers/date/2026-10-02", "key: [unclosed",
        "Daily Papers", "A Paper Title", "An abstract sentence.", "???", "\\", "\u00a0", "Gensyn Gensyn", "12", "0",
        "<html>", "<article>", "{", "[1,2]",
    ];

    public static Arbitrary<ListingNoise> Noise() =>
        Gen.ListOf(Gen.OneOf(Gen.Elements(Pieces), ArbMap.Default.GeneratorFor<string>().Where(s => s is not null)))
            .Select(parts => new ListingNoise(string.Concat(parts)))
            .ToArbitrary();

    public static Arbitrary<DamagedFixture> Damaged() =>
        (from fixture in Gen.Elements(IngestFixtures.Seed, IngestFixtures.TextCopy, IngestFixtures.MarkdownCopy, IngestFixtures.ListingHtml, IngestFixtures.PaperHtml)
         from kind in Gen.Choose(0, 4)
         from seed in Gen.Choose(0, int.MaxValue - 1)
         select new DamagedFixture(fixture, kind, seed)).ToArbitrary();
}

/// <summary>
/// Importers never throw and never produce a paper without a usable title, whatever the input.
/// Fixed replay seeds and bounded test counts keep the suite deterministic and fast.
/// </summary>
public class ImporterPropertyTests
{
    private static readonly IListingFormat[] Mine = [new ListingHtmlFormat(), new PaperHtmlFormat(), new PageTextFormat()];

    private static bool Sound(ListingReadResult r) =>
        r.Observations.All(o =>
            PaperId.NormalizeTitle(o.Paper.Title).Length > 0
            && o.Paper.Title == o.Paper.Title.Trim()
            && (PaperId.IsArxivId(o.Paper.Id) || o.Paper.Id.StartsWith(PaperId.TitlePrefix, StringComparison.Ordinal))
            && o.Paper.Snapshots.Count <= 1
            && o.Paper.ListedOn.Count <= 1)
        // The readers' last-resort catch would turn a bug into this message; it must never be needed.
        && r.Diagnostics.All(d => !d.Message.Contains("could not be read", StringComparison.Ordinal));

    private static bool AllFormatsSound(string text, string name) =>
        Sound(ListingReader.ReadText(text, name)) && Mine.All(f => Sound(f.Read(text, name)));

    [Property(MaxTest = 300, Replay = "(20261129,1)")]
    public bool Arbitrary_strings(NonNull<string> text) => AllFormatsSound(text.Get, "any.txt");

    [Property(MaxTest = 300, Replay = "(20261129,3)", Arbitrary = [typeof(IngestArbitraries)])]
    public bool Listing_like_noise(ListingNoise noise) => AllFormatsSound(noise.Text, "noise.md");

    [Property(MaxTest = 60, Replay = "(20261131,5)", Arbitrary = [typeof(IngestArbitraries)])]
    public bool Damaged_fixtures(DamagedFixture damaged) => AllFormatsSound(damaged.Apply(), damaged.Fixture);
}
