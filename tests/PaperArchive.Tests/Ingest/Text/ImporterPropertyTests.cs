using FsCheck;
using FsCheck.Xunit;
using PaperArchive.Ingest;
using PaperArchive.Ingest.Html;
using PaperArchive.Ingest.Text;
using PaperArchive.Model;

namespace PaperArchive.Tests.Ingest;

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
