using PaperArchive.Common;
using PaperArchive.Ingest;
using PaperArchive.Ingest.Text;
using PaperArchive.Model;

namespace PaperArchive.Tests.Ingest.Text;

/// <summary>
/// The seed: a copied /papers search listing headed "Jan 29". Expected values were read from the file
/// with grep/awk while writing the tests (commands quoted next to each literal), not from the reader.
/// </summary>
public class SeedCopyTests
{
    private static readonly ListingReadResult Result =
        new PageTextFormat().Read(IngestFixtures.Text(IngestFixtures.Seed), IngestFixtures.Seed);

    private static Paper ByTitle(string title) => Result.Observations.Single(o => o.Paper.Title == title).Paper;

    [Fact]
    public void Has_exactly_48_papers_none_with_an_arxiv_id()
    {
        // grep -c '^·$' seed → 48 footers ("·" then the date).
        Assert.Equal(48, Result.Observations.Count);
        Assert.All(Result.Observations, o =>
        {
            Assert.Null(o.Paper.ArxivId);
            Assert.Equal(PaperId.FromTitle(o.Paper.Title), o.Paper.Id);
            Assert.Equal(SourceKind.PageText, o.Kind);
        });
        Assert.Equal(48, Result.Observations.Select(o => o.Paper.Id).Distinct().Count());
    }

    [Fact]
    public void Is_a_search_listing_dated_by_the_copy_day()
    {
        // Heading "Jan 29" (line 11); latest paper date is "Dec 22, 2025" (grep ', 2025' | sort) → the copy year is 2026.
        Assert.Equal(new DateOnly(2026, 1, 29), Result.ListingDate);
        Assert.False(Result.IsDailyListing);
        Assert.All(Result.Observations, o => Assert.Empty(o.Paper.ListedOn));
    }

    [Fact]
    public void First_paper()
    {
        // Lines 13-19: title, abstract, "  • 9 authors", "·", "Oct 27, 2025 2".
        var p = Result.Observations[0].Paper;
        Assert.Equal("PixelRefer: A Unified Framework for Spatio-Temporal Object Referring with Arbitrary Granularity", p.Title);
        Assert.StartsWith("Multimodal large language models (MLLMs) have demonstrated strong general-purpose", p.Abstract);
        Assert.EndsWith("while PixelRefer-Lite offers competitive accuracy with notable gains in efficiency.", p.Abstract);
        Assert.Equal(9, p.AuthorCount);
        Assert.Empty(p.Authors);
        Assert.Null(p.Organization);
        Assert.Equal(new DateOnly(2025, 10, 27), p.PublishedOn);
        Assert.Equal([new CountSnapshot(new DateOnly(2026, 1, 29), null, 2)], p.Snapshots);
        Assert.Equal("line 13", Result.Observations[0].Item);
    }

    [Fact]
    public void Last_paper_at_the_end_of_the_file_without_a_final_newline()
    {
        // tail -c 300: "  • 7 authors", "·", "Aug 16, 2024" and no trailing newline.
        var p = Result.Observations[^1].Paper;
        Assert.Equal("Lower Layer Matters: Alleviating Hallucination via Multi-Layer Fusion Contrastive Decoding with Truthfulness Refocused", p.Title);
        Assert.Equal(7, p.AuthorCount);
        Assert.Equal(new DateOnly(2024, 8, 16), p.PublishedOn);
        Assert.Empty(p.Snapshots);
    }

    [Fact]
    public void Organisation_entry_instead_of_an_author_count()
    {
        // Lines 345-351: the byline is "Gensyn Gensyn" (avatar alt + name), then "Jun 18, 2025 3".
        var p = ByTitle("All is Not Lost: LLM Recovery without Checkpoints");
        Assert.Equal("Gensyn", p.Organization);
        Assert.Null(p.AuthorCount);
        Assert.Equal(new DateOnly(2025, 6, 18), p.PublishedOn);
        Assert.Equal(3, p.Comments);
        // grep -c 'authors$' → 47: every other paper has a count.
        Assert.Equal(47, Result.Observations.Count(o => o.Paper.AuthorCount is not null));
        Assert.Single(Result.Observations, o => o.Paper.Organization is not null);
    }

    [Fact]
    public void Author_counts_sum_as_in_the_file()
    {
        // grep -oE '• [0-9]+ authors' | awk '{s+=$2} END {print s}' → 314; "• 1 authors" appears (grammar as copied).
        Assert.Equal(314, Result.Observations.Sum(o => o.Paper.AuthorCount ?? 0));
        Assert.Equal(1, ByTitle("Countermind: A Multi-Layered Security Architecture for Large Language Models").AuthorCount);
        Assert.Equal(18, ByTitle("CompactifAI: Extreme Compression of Large Language Models using Quantum-Inspired Tensor Networks").AuthorCount);
    }

    [Fact]
    public void Comment_counts_present_and_absent_and_never_upvotes()
    {
        // grep -cE '^[A-Z][a-z]{2} [0-9]{1,2}, [0-9]{4} [0-9]+$' → 12 dates carry a count; awk sum of them → 41.
        var withComments = Result.Observations.Where(o => o.Paper.Comments is not null).ToList();
        Assert.Equal(12, withComments.Count);
        Assert.Equal(41, withComments.Sum(o => o.Paper.Comments!.Value));
        Assert.Equal(15, ByTitle("Skip a Layer or Loop it? Test-Time Depth Adaptation of Pretrained LLMs").Comments);
        Assert.Equal(4, ByTitle("LLaVA-Mini: Efficient Image and Video Large Multimodal Models with One Vision Token").Comments);
        // "May 22, 2025" with nothing after it: no count, and no empty snapshot either.
        var crossLmm = ByTitle("CrossLMM: Decoupling Long Video Sequences from LMMs via Dual Cross-Attention Mechanisms");
        Assert.Null(crossLmm.Comments);
        Assert.Empty(crossLmm.Snapshots);
        Assert.All(Result.Observations, o =>
        {
            Assert.Null(o.Paper.Upvotes);
            Assert.All(o.Paper.Snapshots, s => Assert.Equal(new DateOnly(2026, 1, 29), s.Date));
        });
    }

    [Fact]
    public void Dates_keep_their_own_years()
    {
        // grep -E '^[A-Z][a-z]{2} [0-9]{1,2}, [0-9]{4}' | awk '{print $3}' | sort | uniq -c → 2023: 4, 2024: 17, 2025: 27.
        var years = Result.Observations.GroupBy(o => o.Paper.PublishedOn!.Value.Year).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<int, int> { [2023] = 4, [2024] = 17, [2025] = 27 }, years);
        Assert.Equal(new DateOnly(2023, 4, 28), ByTitle("LLaMA-Adapter V2: Parameter-Efficient Visual Instruction Model").PublishedOn);
        Assert.Equal(new DateOnly(2025, 12, 22), ByTitle("Brain-Grounded Axes for Reading and Steering LLM States").PublishedOn);
    }

    [Fact]
    public void The_block_without_a_footer_is_reported_with_its_line_not_imported()
    {
        // Lines 21-23: MARLIN's title and abstract are followed directly by the next title — no "• N authors / · / date".
        var warning = Assert.Single(Result.Diagnostics);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("line 21", warning.Location);
        Assert.Equal(IngestFixtures.Seed, warning.File);
        Assert.Contains("MARLIN", warning.Message);
        Assert.DoesNotContain(Result.Observations, o => o.Paper.Title.StartsWith("MARLIN", StringComparison.Ordinal));
        // The next block is still read whole.
        Assert.Equal("line 25", Result.Observations[1].Item);
    }

    [Fact]
    public void Quotes_and_latex_in_text_survive()
    {
        var p = ByTitle("Can \"consciousness\" be observed from large language model (LLM) internal states? Dissecting LLM representations obtained from Theory of Mind test with Integrated Information Theory and Span Representation analysis");
        Assert.Contains("Phi^{max} (IIT 3.0)", p.Abstract);
        Assert.Contains(@"10\% to 60\%", ByTitle("PAL: Probing Audio Encoders via LLMs -- A Study of Information Transfer from Audio Encoders to LLMs").Abstract);
    }
}
