using PaperArchive.Model;

namespace PaperArchive.Tests.Model;

public class PaperIdTests
{
    [Theory]
    [InlineData("MARLIN: Mixed-Precision Auto-Regressive\n  Parallel Inference", "marlin mixed precision auto regressive parallel inference")]
    [InlineData("  Café  au  LAIT ", "cafe au lait")]
    public void NormalizeTitle_folds_case_punctuation_wraps_and_accents(string title, string expected) =>
        Assert.Equal(expected, PaperId.NormalizeTitle(title));

    [Fact]
    public void FromTitle_is_stable_and_ignores_formatting()
    {
        var a = PaperId.FromTitle("PixelRefer: A Unified Framework");
        var b = PaperId.FromTitle("pixelrefer a unified\n  framework");
        Assert.Equal(a, b);
        Assert.StartsWith(PaperId.TitlePrefix, a);
        Assert.Equal(14, a.Length);
        Assert.False(PaperId.IsArxivId(a));
    }

    [Theory]
    [InlineData("2509.24002", true)]
    [InlineData("2509.24002v3", true)]
    [InlineData("1501.0001", true)]
    [InlineData("hep-th/9901001", true)]
    [InlineData("t-0123456789ab", false)]
    [InlineData("../etc/passwd", false)]
    public void IsArxivId(string id, bool expected) => Assert.Equal(expected, PaperId.IsArxivId(id));

    [Fact]
    public void ValueList_compares_by_value()
    {
        var a = new Paper { Id = "1", Title = "x", AiKeywords = ValueList.Of("a", "b") };
        var b = new Paper { Id = "1", Title = "x", AiKeywords = ValueList.Of("a", "b") };
        Assert.Equal(a, b);
        Assert.NotEqual(a, b with { AiKeywords = ValueList.Of("a") });
    }
}

public class UnicodeSafetyTests
{
    [Theory]
    [InlineData("Title \ud800 with a lone high surrogate")]
    [InlineData("\udc00")]
    [InlineData("ends with \ud83d")]
    [InlineData("non-character \uffff\ufffe")]
    public void Slugs_and_title_ids_never_throw_on_broken_unicode(string text)
    {
        var slug = PaperArchive.Common.Slug.From(text);
        Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", slug);
        Assert.StartsWith(PaperId.TitlePrefix, PaperId.FromTitle(text));
        Assert.DoesNotContain(PaperArchive.Common.UnicodeText.ReplaceLoneSurrogates(text), char.IsSurrogate);
    }
}
