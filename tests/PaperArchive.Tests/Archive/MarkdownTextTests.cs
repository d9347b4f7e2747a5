using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Markdig;
using PaperArchive.Archive;

namespace PaperArchive.Tests.Archive;

public class MarkdownTextTests
{
    // Plain CommonMark, and an approximation of GitHub's renderer (tables, strikethrough, autolinks,
    // math, emoji short codes): escaped text must show literally under both.
    private static readonly MarkdownPipeline CommonMark = new MarkdownPipelineBuilder().Build();

    private static readonly MarkdownPipeline GitHubLike = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .UseAutoLinks()
        .UseMathematics()
        .UseTaskLists()
        .UseEmojiAndSmiley(enableSmileys: false)
        .Build();

    private static Config Config(int tests, ulong seed) =>
        FsCheck.Config.QuickThrowOnFailure.WithMaxTest(tests).WithEndSize(30)
            .WithReplay(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), null));

    [Theory]
    [InlineData("*not emphasis* and _not_ either")]
    [InlineData("`not code` <b>not html</b> &amp; {not: template} ${not} $x^2$ $$y$$")]
    [InlineData("[not](a link) ![not](an image) <http://not.autolink>")]
    [InlineData("# not a heading")]
    [InlineData("> not a quote")]
    [InlineData("- not a list")]
    [InlineData("+ not a list")]
    [InlineData("1. not a list")]
    [InlineData("12) not a list")]
    [InlineData("| not | a | table |")]
    [InlineData("~~not struck~~ :smile: :+1:")]
    [InlineData("trailing backslash \\")]
    [InlineData("===")]
    [InlineData("---")]
    [InlineData("    not code")]
    [InlineData("Title #")]
    public void Escaped_text_shows_literally(string text)
    {
        Assert.Equal(Normalize(text), Plain(MarkdownText.Inline(text), CommonMark));
        Assert.Equal(Normalize(text), Plain(MarkdownText.Inline(text), GitHubLike));
        Assert.Equal(Normalize(text), Plain(MarkdownText.Block(text), GitHubLike));
    }

    [Fact]
    public void Block_keeps_paragraphs_and_every_line_is_escaped_on_its_own()
    {
        var text = "First paragraph\n- not a list\n\n\n> second\n1. para";
        var md = MarkdownText.Block(text);
        Assert.Equal("First paragraph\n\\- not a list\n\n\\> second\n1\\. para", md);
        var html = Markdown.ToHtml(md, CommonMark);
        Assert.Equal(2, html.Split("<p>").Length - 1);
        Assert.DoesNotContain("<ul>", html);
        Assert.DoesNotContain("<ol>", html);
        Assert.DoesNotContain("<blockquote>", html);
    }

    [Fact]
    public void Arbitrary_text_shows_literally_inline_and_as_a_block()
    {
        Check.One(Config(1500, 1234), Prop.ForAll(ArchiveGenerators.Text.ToArbitrary(), raw =>
        {
            var text = ArchiveText.Sanitize(raw);
            var expected = Normalize(text);
            Assert.Equal(expected, Plain(MarkdownText.Inline(text), CommonMark));
            Assert.Equal(expected, Plain(MarkdownText.Inline(text), GitHubLike));
            Assert.Equal(expected, Plain(MarkdownText.Block(text), CommonMark));
            Assert.Equal(expected, Plain(MarkdownText.Block(text), GitHubLike));
        }));
    }

    [Theory]
    [InlineData("https://github.com/a/b", "https://github.com/a/b")]
    [InlineData("https://x.org/a (b)", "https://x.org/a%20%28b%29")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("not a url", null)]
    [InlineData("", null)]
    public void Only_http_urls_become_link_targets(string url, string? expected) =>
        Assert.Equal(expected, MarkdownText.LinkTarget(url));

    private static string Plain(string markdown, MarkdownPipeline pipeline) =>
        Normalize(Markdown.ToPlainText(markdown, pipeline));

    // The body is for reading: whitespace runs and control characters count as one space.
    private static string Normalize(string text)
    {
        var sb = new StringBuilder();
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
