using PaperArchive.Model;
using PaperArchive.Rendering;
using PaperArchive.Rendering.Model;

namespace PaperArchive.Tests.Rendering;

/// <summary>
/// A page's fingerprint hashes its papers by the members its templates read: a change elsewhere in the paper keeps the
/// page, a change in what it read (or in what a derived member is made of) renders it again.
/// </summary>
public class PageFingerprintTests
{
    private static readonly Paper Raw = new()
    {
        Id = "2606.11111",
        Title = "Sparse Attention",
        Abstract = "First paragraph.\n\nSecond paragraph.",
        ListedOn = ValueList<DateOnly>.Wrap([new DateOnly(2026, 6, 30)]),
    };

    private static PaperModel Model(Paper raw, string title = "Sparse Attention", string? abstractText = "First paragraph.\n\nSecond paragraph.") => new()
    {
        Id = raw.Id,
        Title = title,
        Url = "papers/" + raw.Id + ".html",
        Abstract = abstractText,
        Links = new PaperLinksModel(null, null, null, null, null),
        CitationKey = "sparse2026",
        Source = raw,
    };

    private static SitePage Page(PaperModel paper) => new("days/2026-06-30.html", "day", "30 June", new Dictionary<string, object?> { ["papers"] = new[] { paper } });

    // A fresh instance per build, as SiteRenderer makes one: nothing is cached across the two sides of a comparison.
    private static string Of(PaperModel paper, params string[] members) => new PageFingerprint().Of(Page(paper), members);

    [Fact]
    public void Members_not_read_do_not_change_the_page()
    {
        var before = Model(Raw);
        Assert.Equal(Of(before, "title"), Of(Model(Raw, abstractText: "Another abstract."), "title"));
        Assert.NotEqual(Of(before, "title"), Of(Model(Raw, title: "Dense Attention"), "title"));
        Assert.NotEqual(Of(before, "abstract"), Of(Model(Raw, abstractText: "Another abstract."), "abstract"));
    }

    [Fact]
    public void Derived_members_follow_what_they_are_made_of()
    {
        var before = Model(Raw);
        // abstract_paragraphs is made from abstract when read.
        Assert.NotEqual(Of(before, "abstract_paragraphs"), Of(Model(Raw, abstractText: "One paragraph only."), "abstract_paragraphs"));
        Assert.Equal(Of(before, "abstract_paragraphs"), Of(Model(Raw, title: "Dense Attention"), "abstract_paragraphs"));
        // bibtex is made from the archive paper and the citation key.
        var changedRaw = Raw with { Organization = "Some Lab" };
        Assert.NotEqual(Of(before, "bibtex"), Of(Model(changedRaw), "bibtex"));
        Assert.NotEqual(Of(before, "bibtex"), Of(Model(Raw) with { CitationKey = "sparse2026a" }, "bibtex"));
        Assert.Equal(Of(before, "bibtex"), Of(Model(Raw, title: "Dense Attention"), "bibtex"));
        // The whole paper (a page that read everything) covers the derived members too.
        Assert.NotEqual(new PageFingerprint().Of(Page(before)), new PageFingerprint().Of(Page(Model(changedRaw))));
    }

    [Fact]
    public void The_set_of_members_read_is_part_of_the_fingerprint()
    {
        var paper = Model(Raw);
        Assert.NotEqual(Of(paper, "title"), Of(paper, "title", "upvotes"));
        // A member the model lacks (a theme's typo) still counts: reading it is a different page.
        Assert.NotEqual(Of(paper, "title"), Of(paper, "title", "no_such_member"));
        // Same set in another order: same fingerprint.
        Assert.Equal(Of(paper, "title", "abstract"), Of(paper, "abstract", "title"));
    }

    [Fact]
    public void Cached_hashes_are_per_object_not_per_id()
    {
        // One fingerprint instance, two different models with the same id: the second is not answered from the first's hashes.
        var fingerprint = new PageFingerprint();
        var a = fingerprint.Of(Page(Model(Raw)), ["title"]);
        var b = fingerprint.Of(Page(Model(Raw, title: "Dense Attention")), ["title"]);
        Assert.NotEqual(a, b);
        Assert.Equal(b, new PageFingerprint().Of(Page(Model(Raw, title: "Dense Attention")), ["title"]));
    }
}
