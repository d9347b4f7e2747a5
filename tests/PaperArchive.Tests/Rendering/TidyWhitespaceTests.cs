using PaperArchive.Rendering;

namespace PaperArchive.Tests.Rendering;

/// <summary><see cref="PageRenderer.TidyWhitespace"/>: blank lines and trailing spaces go, except inside pre and textarea.</summary>
public class TidyWhitespaceTests
{
    [Fact]
    public void Blank_lines_and_trailing_spaces_go()
    {
        Assert.Equal("<p>a</p>\n<p>b</p>\n", PageRenderer.TidyWhitespace("<p>a</p>   \n\n   \n<p>b</p>\n\t\n"));
    }

    [Theory]
    [InlineData("pre")]
    [InlineData("PRE")]
    [InlineData("textarea")]
    public void Whitespace_inside_pre_and_textarea_is_kept(string element)
    {
        var html = $"<p>a</p>  \n\n<{element}>x\n\n  y  \n</{element}>\n\n<p>b</p>  \n";
        Assert.Equal($"<p>a</p>\n<{element}>x\n\n  y  \n</{element}>\n<p>b</p>\n", PageRenderer.TidyWhitespace(html));
    }

    [Fact]
    public void A_pre_closed_on_its_own_line_ends_the_kept_block()
    {
        Assert.Equal("<pre>\n \n</pre>\n<i>\n", PageRenderer.TidyWhitespace("<pre>\n \n</pre>\n \n<i>  \n"));
    }
}
