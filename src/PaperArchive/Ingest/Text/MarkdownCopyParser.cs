using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Ingest.Text;

/// <summary>
/// A Markdown scrape of a 2026 <c>/papers</c> page (e.g. firecrawl): per paper "[101](…/login…)" (the
/// upvote count, "-" for none), "### [Title](https://huggingface.co/papers/&lt;id&gt;)", the abstract as one
/// link's text (hard wraps as "\\"), "[- N authors](…)" (with avatar images) or an organisation as
/// "[![handle](avatar)Name](https://huggingface.co/handle)", "·", then "May 29[6](…#community)" — the date
/// and the comment count. Paragraphs (blank-line separated) are the units. A block without its date (the
/// scrape was cut off) is skipped with a warning.
/// </summary>
internal static partial class MarkdownCopyParser
{
    private sealed class Block(int line, int? upvotes)
    {
        public int Line = line;
        public int? Upvotes = upvotes;
        public string? Title;
        public int TitleLine;
        public string? Abstract;
        public string? ArxivId;
        public int? AuthorCount;
        public string? Organization;
        public string? OrganizationHandle;
        public bool SawDot;
        public PartialDate? Date;
        public int? Comments;
    }

    /// <summary>True when the text has this layout's title headings or upvote links.</summary>
    public static bool Recognizes(IReadOnlyList<string> lines) =>
        lines.Any(l => TitlePattern().IsMatch(l.Trim()) || UpvotePattern().IsMatch(l.Trim()));

    public static CopiedPage Parse(IReadOnlyList<string> lines, int start, string file)
    {
        var diagnostics = new List<Diagnostic>();
        var cards = new List<CopiedCard>();
        var navigation = new List<DateOnly>();
        PartialDate? heading = null;
        Block? block = null;

        void Finish()
        {
            if (block is null)
            {
                return;
            }
            var title = block.Title is null ? "" : PaperTextCleaner.Title(block.Title);
            if (title.Length == 0)
            {
                diagnostics.Add(Diagnostic.Warning(file, Line(block.Line), "block has no title; skipped"));
            }
            else if (block.Date is not PartialDate date)
            {
                diagnostics.Add(Diagnostic.Warning(file, Line(block.Line),
                    $"block has no date line (the copy ends early?); skipped: '{TextLine.Excerpt(title)}'"));
            }
            else
            {
                cards.Add(new CopiedCard(block.TitleLine, title, block.Abstract, block.ArxivId, block.AuthorCount,
                    block.Organization, block.OrganizationHandle, date, block.Upvotes, block.Comments));
            }
            block = null;
        }

        foreach (var (number, text) in Paragraphs(lines, start))
        {
            var upvote = UpvotePattern().Match(text);
            if (upvote.Success)
            {
                Finish();
                block = new Block(number, LinkedTextCopyParser.ParseCount(upvote.Groups["n"].Value));
                continue;
            }
            var title = TitlePattern().Match(text);
            if (title.Success)
            {
                if (block is null || block.Title is not null)
                {
                    Finish();
                    block = new Block(number, null);
                }
                block.Title = Unescape(title.Groups["t"].Value);
                block.TitleLine = number;
                var id = title.Groups["id"].Value;
                block.ArxivId = PaperId.IsArxivId(id) ? id : null;
                continue;
            }
            if (block is null)
            {
                foreach (Match nav in DateLinkPattern().Matches(text))
                {
                    if (DateOnly.TryParseExact(nav.Groups["d"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var navDate))
                    {
                        navigation.Add(navDate);
                    }
                }
                if (PartialDate.TryParseExact(text, out var h))
                {
                    heading = h;
                }
                continue;
            }
            if (block.Date is not null)
            {
                continue;
            }
            if (PlainCopyParser.IsDot(text))
            {
                block.SawDot = true;
                continue;
            }
            if (block.SawDot)
            {
                if (PartialDate.TryParseStart(text, out var date, out var rest))
                {
                    block.Date = date;
                    var comments = CommentsPattern().Match(rest.Trim());
                    if (comments.Success)
                    {
                        block.Comments = LinkedTextCopyParser.ParseCount(comments.Groups["n"].Value);
                    }
                }
                else
                {
                    diagnostics.Add(Diagnostic.Warning(file, Line(number), $"expected a date after '·', found '{TextLine.Excerpt(text)}'"));
                    block.Date = null;
                    block.SawDot = false;
                }
                continue;
            }
            var org = OrganizationPattern().Match(text);
            if (org.Success)
            {
                block.Organization = PaperTextCleaner.CollapseWhitespace(Unescape(org.Groups["name"].Value));
                block.OrganizationHandle = org.Groups["handle"].Value;
                if (block.Organization.Length == 0)
                {
                    block.Organization = org.Groups["alt"].Value.Length > 0 ? org.Groups["alt"].Value : block.OrganizationHandle;
                }
                continue;
            }
            var link = PaperLinkPattern().Match(text);
            if (link.Success)
            {
                var inner = link.Groups["t"].Value;
                var authors = AuthorsPattern().Match(inner);
                if (authors.Success)
                {
                    block.AuthorCount = int.Parse(authors.Groups["n"].Value, CultureInfo.InvariantCulture);
                }
                else if (block.Abstract is null && block.Title is not null)
                {
                    block.Abstract = PaperTextCleaner.Abstract(Unescape(inner));
                }
                continue;
            }
        }
        Finish();
        return new CopiedPage(heading, navigation, cards, diagnostics);
    }

    /// <summary>Blank-line separated paragraphs, lines joined with "\n", with the 1-based number of their first line.</summary>
    private static IEnumerable<(int Line, string Text)> Paragraphs(IReadOnlyList<string> lines, int start)
    {
        var sb = new StringBuilder();
        var first = 0;
        for (var i = start; i <= lines.Count; i++)
        {
            var line = i < lines.Count ? lines[i] : "";
            if (line.Trim().Length == 0)
            {
                if (sb.Length > 0)
                {
                    yield return (first, sb.ToString());
                    sb.Clear();
                }
                continue;
            }
            if (sb.Length == 0)
            {
                first = i + 1;
            }
            else
            {
                sb.Append('\n');
            }
            sb.Append(line.Trim());
        }
    }

    /// <summary>
    /// Markdown text to plain text: a backslash (or two) before a line break is a hard break (a wrap),
    /// "\ " is a space, "\X" is a literal punctuation character, entities are decoded.
    /// </summary>
    internal static string Unescape(string text)
    {
        text = HardBreak().Replace(text, "\n");
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == '\\' && i + 1 < text.Length && (char.IsAsciiLetterOrDigit(text[i + 1]) == false) && text[i + 1] <= '~')
            {
                sb.Append(text[i + 1] == '\n' ? ' ' : text[i + 1]);
                i++;
                continue;
            }
            sb.Append(ch);
        }
        return WebUtility.HtmlDecode(sb.ToString());
    }

    private static string Line(int n) => "line " + n.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\\{1,2}[ \t]*\n")]
    private static partial Regex HardBreak();

    [GeneratedRegex(@"^\[(?<n>\d{1,7}|-)\]\((?:https?://huggingface\.co)?/login[^)]*\)$")]
    private static partial Regex UpvotePattern();

    [GeneratedRegex(@"^#{1,6}\s+\[(?<t>[\s\S]+)\]\((?:https?://huggingface\.co)?/papers/(?<id>[^)\s#?]+)\)\s*$")]
    private static partial Regex TitlePattern();

    [GeneratedRegex(@"^\[(?<t>[\s\S]*)\]\((?:https?://huggingface\.co)?/papers/[^)\s]+\)$")]
    private static partial Regex PaperLinkPattern();

    [GeneratedRegex(@"^\[!\[(?<alt>[^\]]*)\]\([^)]*\)(?<name>[^\]]*)\]\((?:https?://huggingface\.co)?/(?<handle>[A-Za-z0-9][A-Za-z0-9_.\-]*)/?\)$")]
    private static partial Regex OrganizationPattern();

    [GeneratedRegex(@"(?:^|[\s\-])(?<n>\d{1,5})\s+authors?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorsPattern();

    [GeneratedRegex(@"^(?:\[(?<n>\d{1,7})\]\([^)]*\)|(?<n>\d{1,7}))$")]
    private static partial Regex CommentsPattern();

    [GeneratedRegex(@"huggingface\.co/papers/date/(?<d>\d{4}-\d{2}-\d{2})")]
    private static partial Regex DateLinkPattern();
}
