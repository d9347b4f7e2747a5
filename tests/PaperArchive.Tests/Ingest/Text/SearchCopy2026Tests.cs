using PaperArchive.Common;
using PaperArchive.Ingest;
using PaperArchive.Ingest.Text;
using PaperArchive.Model;

namespace PaperArchive.Tests.Ingest.Text;

/// <summary>
/// The two 2026 copies of /papers?q=… pages. Expected values read from the files by eye and grep
/// (`cat -n`, `grep -n 'huggingface.co/papers/[0-9]'`), cited per literal.
/// </summary>
public class SearchCopy2026Tests
{
    private static ListingReadResult Read(string fixture) => new PageTextFormat().Read(IngestFixtures.Text(fixture), fixture);

    private static Paper Paper(ListingReadResult r, string id) => r.Observations.Single(o => o.Paper.Id == id).Paper;

    [Fact]
    public void Text_export_reads_every_complete_block_with_arxiv_ids()
    {
        var r = Read(IngestFixtures.TextCopy);
        // cat -n: ten "[-]" markers (lines 89…281); the tenth block (CodeFusion, line 281) is cut off mid-abstract at 16,000 chars.
        Assert.Equal(
            ["2410.05434", "2306.14898", "2502.06858", "1802.08979", "2104.13100", "1808.01400", "2409.02326", "2203.03850", "2510.21057"],
            r.Observations.Select(o => o.Paper.Id).ToArray());
        Assert.All(r.Observations, o => Assert.Equal(o.Paper.Id, o.Paper.ArxivId));
        var cut = Assert.Single(r.Diagnostics);
        Assert.Equal("line 281", cut.Location);
        Assert.Contains("CodeFusion", cut.Message);
    }

    [Fact]
    public void Text_export_copy_day_is_the_heading_resolved_against_the_export_date()
    {
        // Front matter "exported: 2026-07-28"; heading "Mar 25" (line 87); day navigation links 2026-03-24 (line 85).
        var r = Read(IngestFixtures.TextCopy);
        Assert.Equal(new DateOnly(2026, 3, 25), r.ListingDate);
        Assert.False(r.IsDailyListing); // url: https://huggingface.co/papers?q=Intercode%20Bash
        Assert.All(r.Observations, o => Assert.Empty(o.Paper.ListedOn));
    }

    [Fact]
    public void Text_export_fields()
    {
        var r = Read(IngestFixtures.TextCopy);
        // Lines 89-107: " [-] 1", title, URL, abstract, "2 authors](…)", "·", "Oct 7, 2024".
        var leap = Paper(r, "2410.05434");
        Assert.Equal("Better than Your Teacher: LLM Agents that learn from Privileged AI Feedback", leap.Title);
        Assert.StartsWith("While large language models (LLMs) show impressive decision-making abilities", leap.Abstract);
        Assert.EndsWith("Our code is available at https://leap-llm.github.io", leap.Abstract);
        Assert.Equal(2, leap.AuthorCount);
        Assert.Equal(new DateOnly(2024, 10, 7), leap.PublishedOn);
        Assert.Equal([new CountSnapshot(new DateOnly(2026, 3, 25), 1, null)], leap.Snapshots);
        // Lines 209-231: " [-] 19" … "Sep 3, 2024 ", "2", "…#community".
        var arctic = Paper(r, "2409.02326");
        Assert.Equal(19, arctic.Upvotes);
        Assert.Equal(2, arctic.Comments);
        Assert.Equal(new DateOnly(2024, 9, 3), arctic.PublishedOn);
        // Lines 253-279: " [-] 5", organisation " Google" + https://huggingface.co/google, "Oct 23, 2025 ", "1".
        var soft = Paper(r, "2510.21057");
        Assert.Equal("Google", soft.Organization);
        Assert.Equal("google", soft.OrganizationHandle);
        Assert.Null(soft.AuthorCount);
        Assert.Equal(5, soft.Upvotes);
        Assert.Equal(1, soft.Comments);
        // " [-] -" (e.g. line 109): the page shows no count → not carried (null), no snapshot at all.
        var interCode = Paper(r, "2306.14898");
        Assert.Null(interCode.Upvotes);
        Assert.Empty(interCode.Snapshots);
        Assert.Equal(new DateOnly(2023, 6, 26), interCode.PublishedOn);
    }

    [Fact]
    public void Markdown_scrape_reads_upvotes_orgs_and_yearless_dates()
    {
        var r = Read(IngestFixtures.MarkdownCopy);
        // grep -c '^### \[' → 9 titles; the ninth (MAVIS, line 200) is cut off before its date.
        Assert.Equal(8, r.Observations.Count);
        var cut = Assert.Single(r.Diagnostics);
        Assert.Equal("line 198", cut.Location);
        Assert.Contains("MAVIS", cut.Message);
        // "retrieved: 2026-10-02", heading "Oct 2" (line 28).
        Assert.Equal(new DateOnly(2026, 10, 2), r.ListingDate);
        Assert.False(r.IsDailyListing);

        // Lines 30-40: "[101](login…)", "### [OCC-RAG…](…/2606.00683)", org "[![occ-ai](…)OCC](https://huggingface.co/occ-ai)", "May 29[6](…#community)".
        var occ = Paper(r, "2606.00683");
        Assert.Equal("OCC-RAG: Optimal Cognitive Core for Faithful Question Answering", occ.Title);
        Assert.Equal("OCC", occ.Organization);
        Assert.Equal("occ-ai", occ.OrganizationHandle);
        Assert.Equal(new DateOnly(2026, 5, 29), occ.PublishedOn); // year-less → the copy's year
        Assert.Equal([new CountSnapshot(new DateOnly(2026, 10, 2), 101, 6)], occ.Snapshots);

        var radar = Paper(r, "2609.11115"); // "[173]", "Sep 9[9]", Carnegie Mellon University
        Assert.Equal(173, radar.Upvotes);
        Assert.Equal(9, radar.Comments);
        Assert.Equal("Carnegie Mellon University", radar.Organization);
        Assert.Equal(new DateOnly(2026, 9, 9), radar.PublishedOn);

        Assert.Equal(new DateOnly(2026, 8, 30), Paper(r, "2609.00319").PublishedOn); // "Aug 30" (line 109), "[- 10 authors]"
        Assert.Equal(10, Paper(r, "2609.00319").AuthorCount);
        Assert.Equal(new DateOnly(2026, 5, 8), Paper(r, "2605.08583").PublishedOn); // "May 8[1]"
    }

    [Fact]
    public void Markdown_scrape_unescapes_titles_and_joins_hard_wraps()
    {
        var r = Read(IngestFixtures.MarkdownCopy);
        // Line 56: "Measuring How Scholars Engage\  with Past Research"; abstract lines end in "\\".
        var noisy = Paper(r, "2502.20581");
        Assert.Equal("The Noisy Path from Source to Citation: Measuring How Scholars Engage with Past Research", noisy.Title);
        Assert.StartsWith("Academic citations are widely used for evaluating research and tracing knowledge flows. Such uses", noisy.Abstract);
        Assert.DoesNotContain("\\", noisy.Abstract);
        Assert.DoesNotContain("\n", noisy.Abstract);
        Assert.EndsWith("and the potential for distortion of evidence.", noisy.Abstract);
        // Lines 79-85: "[- ![](…)\\ - ![](…)\\ - 3 authors](…)", "Feb 27, 2025", "[-]" upvotes → not carried.
        Assert.Equal(3, noisy.AuthorCount);
        Assert.Equal(new DateOnly(2025, 2, 27), noisy.PublishedOn);
        Assert.Null(noisy.Upvotes);
        Assert.Empty(noisy.Snapshots);
        Assert.Contains("40--80%", Paper(r, "2509.04499").Abstract);
    }

    [Fact]
    public void A_copy_of_a_days_listing_is_filed_under_that_day()
    {
        var text = IngestFixtures.Text(IngestFixtures.MarkdownCopy)
            .Replace("url: https://huggingface.co/papers?q=source%20citations", "url: https://huggingface.co/papers/date/2026-10-02", StringComparison.Ordinal);
        var r = new PageTextFormat().Read(text, "day.md");
        Assert.True(r.IsDailyListing);
        Assert.Equal(new DateOnly(2026, 10, 2), r.ListingDate);
        Assert.All(r.Observations, o => Assert.Equal([new DateOnly(2026, 10, 2)], o.Paper.ListedOn));
    }
}
