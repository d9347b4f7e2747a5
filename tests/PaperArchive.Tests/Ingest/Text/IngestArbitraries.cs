using FsCheck;
using FsCheck.Fluent;

namespace PaperArchive.Tests.Ingest;

/// <summary>FsCheck generators for the importer properties.</summary>
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
