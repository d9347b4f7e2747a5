using FsCheck;
using FsCheck.Xunit;
using PaperArchive.Model;
using PaperArchive.Rendering;
using PaperArchive.Rendering.Exports;

namespace PaperArchive.Tests.Rendering.Exports;

/// <summary>BibTeX and RIS exports: strict syntax (<see cref="BibTexSyntax"/>, <see cref="RisSyntax"/>), LaTeX escaping, unique deterministic keys.</summary>
public class CitationExportTests : IClassFixture<GoldenTests.Site>
{
    private readonly RenderHarness _h;

    public CitationExportTests(GoldenTests.Site site) => _h = site.Harness;

    private static Paper P(string id, string title, DateOnly? listed = null, params string[] authors) => new()
    {
        Id = id,
        ArxivId = PaperId.IsArxivId(id) ? id : null,
        Title = title,
        Authors = authors.Select(a => new Author(a)).ToValueList(),
        PublishedOn = new DateOnly(2025, 3, 4),
        ListedOn = listed is null ? ValueList<DateOnly>.Empty : ValueList.Of(listed.Value),
    };

    [Fact]
    public void Hostile_title_and_names_give_an_entry_a_strict_parser_accepts_and_that_reads_back()
    {
        var title = "100% of {GPU} time & $O(n^2)$ cost: a_b #1 ~ \\cite{x} }{";
        var paper = P("2503.01234", title, null, "Jean-Pierre {Dupont}", "Smith, John", "Ada and Bob", "李 雷");
        var entry = BibTexSyntax.Parse(BibTex.For(paper, "dupont2025gpu")).Single();
        Assert.Equal("misc", entry.Type);
        Assert.Equal("dupont2025gpu", entry.Key);
        Assert.Equal(title, BibTexSyntax.Unescape(entry.Fields["title"]));
        // Names with a comma or the word "and" are braced whole, so BibTeX sees four authors.
        Assert.Equal("Jean-Pierre \\textbraceleft{}Dupont\\textbraceright{} and {Smith, John} and {Ada and Bob} and 李 雷", entry.Fields["author"]);
        Assert.Equal("mar", entry.Fields["month"]);
        Assert.Equal("2503.01234", entry.Fields["eprint"]);
    }

    [Property(Replay = "(20261129,13)", MaxTest = 300)]
    public bool Any_title_and_author_escape_to_valid_bibtex_that_reads_back(NonNull<string> title, NonNull<string> author)
    {
        var paper = P("2503.01234", title.Get, null, author.Get);
        var entry = BibTexSyntax.Parse(BibTex.For(paper, "key2025")).Single();
        var expected = string.Join(" ", UnicodeLines(title.Get).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return BibTexSyntax.Unescape(entry.Fields["title"]) == expected;
    }

    private static string UnicodeLines(string s) => new(PaperArchive.Common.UnicodeText.ReplaceLoneSurrogates(s).Select(c => char.IsControl(c) ? ' ' : c).ToArray());

    [Property(Replay = "(20261129,11)", MaxTest = 300)]
    public bool Any_text_gives_valid_ris_with_one_line_per_value(NonNull<string> title, NonNull<string> author, NonNull<string> abstractText)
    {
        var paper = P("2503.01234", title.Get, null, author.Get) with { Abstract = abstractText.Get };
        var record = RisSyntax.Parse(Ris.For(paper, "key2025", "https://example.org/papers/2503.01234.html")).Single();
        return record.One("TY") == "UNPB" && record.One("ID") == "key2025" && record.All("UR").Count() == 2;
    }

    [Fact]
    public void Keys_are_unique_and_a_newer_paper_never_renames_an_older_key()
    {
        var day1 = new DateOnly(2025, 3, 5);
        var day2 = new DateOnly(2025, 3, 6);
        var older = new[]
        {
            P("2503.00002", "Scaling Laws", day1, "Wei Wang"),
            P("2503.00001", "Scaling Laws Again", day1, "Wei Wang"),
            P("2503.00003", "The Scaling of Things", day1, "Li Wang"),
        };
        var keys = new CitationKeys(older);
        Assert.Equal("wang2025scaling", keys["2503.00001"]);
        Assert.Equal("wang2025scalingb", keys["2503.00002"]);
        Assert.Equal("wang2025scalingc", keys["2503.00003"]);

        // A paper listed later with the same base key gets the next suffix; existing keys stay.
        var newer = older.Append(P("2503.00000", "Scaling Everything", day2, "Bo Wang")).Reverse().ToList();
        var again = new CitationKeys(newer);
        foreach (var p in older)
        {
            Assert.Equal(keys[p.Id], again[p.Id]);
        }
        Assert.Equal("wang2025scalingd", again["2503.00000"]);

        // A suffixed key never takes another paper's base key.
        var clash = new CitationKeys([P("2503.00010", "B", day1, "X Smith"), P("2503.00011", "B", day1, "X Smith"), P("2503.00012", "Bb", day1, "Y Smithb")]);
        Assert.Equal(3, new[] { "2503.00010", "2503.00011", "2503.00012" }.Select(id => clash[id]).Distinct().Count());
    }

    [Theory]
    [InlineData("papers/2606.11111.bib", 1)]
    [InlineData("days/2026-06-30.bib", 2)]
    [InlineData("topics/attention.bib", -1)]
    public void Site_bibtex_files_parse_strictly(string path, int count)
    {
        var entries = BibTexSyntax.Parse(_h.Read(path));
        Assert.NotEmpty(entries);
        if (count > 0)
        {
            Assert.Equal(count, entries.Count);
        }
    }

    [Fact]
    public void Every_export_the_site_writes_parses_and_keys_agree_between_bibtex_and_ris()
    {
        var bibs = Directory.EnumerateFiles(_h.Site, "*.bib", SearchOption.AllDirectories).ToList();
        var ris = Directory.EnumerateFiles(_h.Site, "*.ris", SearchOption.AllDirectories).ToList();
        Assert.True(bibs.Count >= 4 + 3, "paper and day exports expected");
        Assert.Equal(bibs.Count, ris.Count);
        foreach (var bib in bibs)
        {
            var entries = BibTexSyntax.Parse(File.ReadAllText(bib));
            var records = RisSyntax.Parse(File.ReadAllText(Path.ChangeExtension(bib, ".ris")));
            Assert.Equal(entries.Select(e => e.Key), records.Select(r => r.One("ID")!));
        }
        // One key per paper across the whole site.
        var keys = bibs.Where(b => b.Contains("/papers/", StringComparison.Ordinal)).Select(b => BibTexSyntax.Parse(File.ReadAllText(b)).Single().Key).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void Paper_day_and_topic_pages_link_their_exports_and_authors_their_feed()
    {
        Assert.Contains("href=\"../papers/2606.11111.bib\" type=\"application/x-bibtex\" download>BibTeX</a>", _h.Read("papers/2606.11111.html"));
        Assert.Contains("href=\"../days/2026-06-30.ris\" type=\"application/x-research-info-systems\" download>RIS</a>", _h.Read("days/2026-06-30.html"));
        Assert.Contains("href=\"../topics/attention.bib\"", _h.Read("topics/attention.html"));
        var author = _h.Read("authors/grace-hopper.html");
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Papers by Grace Hopper\" href=\"../feeds/authors/grace-hopper.xml\">", author);
        // One paper only: no feed, no link.
        Assert.False(_h.Exists("feeds/authors/ada-lovelace.xml"));
        Assert.DoesNotContain("feeds/authors", _h.Read("authors/ada-lovelace.html"));
    }
}
