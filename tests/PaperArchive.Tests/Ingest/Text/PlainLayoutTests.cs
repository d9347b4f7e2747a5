using PaperArchive.Ingest.Text;
using PaperArchive.Model;

namespace PaperArchive.Tests.Ingest.Text;

/// <summary>Small hand-written copies for the edge cases of the seed's layout.</summary>
public class PlainLayoutTests
{
    private const string Header = "Daily Papers\n\nbyAK and the research community\n\nJan 29\n\n";

    private static PaperArchive.Ingest.ListingReadResult Read(string body) =>
        new PageTextFormat().Read(Header + body, "copy.txt");

    [Fact]
    public void A_block_without_abstract_keeps_its_title()
    {
        var r = Read("Short Title Only\n\n  • 3 authors\n·\nMay 2, 2025\n");
        var p = Assert.Single(r.Observations).Paper;
        Assert.Equal("Short Title Only", p.Title);
        Assert.Null(p.Abstract);
        Assert.Equal(3, p.AuthorCount);
        Assert.Empty(r.Diagnostics);
    }

    [Fact]
    public void An_abstract_without_title_is_skipped_with_its_line()
    {
        var r = Read(new string('x', 400) + "\n\n  • 3 authors\n·\nMay 2, 2025\n");
        Assert.Empty(r.Observations);
        Assert.Contains(r.Diagnostics, d => d.Location == "line 7" && d.Message.Contains("no title", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dot_without_a_date_is_reported()
    {
        var r = Read("T1\n\nA1\n\n  • 3 authors\n·\nsomething else\n\nT2\n\nA2\n\n  • 2 authors\n·\nMay 3, 2025 7\n");
        Assert.Contains(r.Diagnostics, d => d.Location == "line 12" && d.Message.Contains("not followed by a date", StringComparison.Ordinal));
        var p = Assert.Single(r.Observations).Paper;
        Assert.Equal("T2", p.Title);
        Assert.Equal(7, p.Comments);
    }

    [Fact]
    public void A_block_without_byline_still_reads()
    {
        var r = Read("Title\n\n" + new string('a', 200) + " end.\n·\nMay 2, 2025\n");
        var p = Assert.Single(r.Observations).Paper;
        Assert.Equal("Title", p.Title);
        Assert.Null(p.AuthorCount);
        Assert.Null(p.Organization);
    }

    [Fact]
    public void A_cut_off_last_block_is_reported()
    {
        var r = Read("T1\n\nA1\n\n  • 3 authors\n·\nMay 2, 2025\n\nT2\n\nAbstract cut in the mid");
        Assert.Single(r.Observations);
        Assert.Contains(r.Diagnostics, d => d.Location == "line 15");
    }

    [Fact]
    public void Windows_line_endings_read_the_same()
    {
        var unix = Read("T1\n\nA1\n\n  • 3 authors\n·\nMay 2, 2025 4\n");
        var windows = new PageTextFormat().Read((Header + "T1\n\nA1\n\n  • 3 authors\n·\nMay 2, 2025 4\n").Replace("\n", "\r\n", StringComparison.Ordinal), "copy.txt");
        Assert.Equal(unix.Observations.Select(o => o.Paper), windows.Observations.Select(o => o.Paper));
    }

    [Fact]
    public void Same_title_gives_the_same_id_as_any_other_source()
    {
        var r = Read("MARLIN: Mixed-Precision Auto-Regressive Parallel Inference on Large Language Models\n\nA\n\n  • 3 authors\n·\nAug 21, 2024\n");
        Assert.Equal(PaperId.FromTitle("MARLIN: Mixed-Precision Auto-Regressive\n  Parallel Inference on Large Language Models"), r.Observations[0].Paper.Id);
    }
}
