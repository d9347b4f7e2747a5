using System.Globalization;
using System.Text.RegularExpressions;
using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Ingest.Text;

/// <summary>
/// A plain-text export of a 2026 <c>/papers</c> page where every link target stands on its own line:
/// per paper "[-] 12" (the upvote count, "-" for none), the login link, the title, the paper URL (which
/// gives the arXiv id), the abstract, the paper URL again, "N authors" (split as "[" / "N authors](url)")
/// or an organisation name followed by its profile URL, "·", the date, and optionally the comment count
/// with its "#community" link. A block without its date (the export was cut off) is skipped with a warning.
/// </summary>
internal static partial class LinkedTextCopyParser
{
    private enum State
    {
        Title,
        Abstract,
        Byline,
        AfterDot,
        Done,
    }

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
        public PartialDate? Date;
        public string? DateLine;
        public int? Comments;
        public State State = State.Title;
        public string? PendingText;
    }

    /// <summary>True when the text looks like this layout (an upvote marker or a bare paper URL line).</summary>
    public static bool Recognizes(IReadOnlyList<string> lines) =>
        lines.Any(l => UpvotePattern().IsMatch(l.Trim()) || IsPaperUrl(l.Trim()));

    private static bool IsPaperUrl(string text)
    {
        var m = PaperUrlPattern().Match(text);
        return m.Success && PaperId.IsArxivId(m.Groups["id"].Value);
    }

    public static CopiedPage Parse(IReadOnlyList<string> lines, int start, string file)
    {
        var all = TextLine.NonBlank(lines, start);
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
            if (string.IsNullOrWhiteSpace(block.Title))
            {
                diagnostics.Add(Diagnostic.Warning(file, Line(block.Line), "block has no title; skipped"));
            }
            else if (block.Date is not PartialDate date)
            {
                diagnostics.Add(Diagnostic.Warning(file, Line(block.Line),
                    $"block has no date line (the copy ends early?); skipped: '{TextLine.Excerpt(block.Title)}'"));
            }
            else
            {
                cards.Add(new CopiedCard(block.TitleLine, block.Title, block.Abstract, block.ArxivId, block.AuthorCount,
                    block.Organization, block.OrganizationHandle, date, block.Upvotes, block.Comments));
            }
            block = null;
        }

        for (var i = 0; i < all.Count; i++)
        {
            var (number, text) = all[i];
            var upvote = UpvotePattern().Match(text);
            if (upvote.Success)
            {
                Finish();
                block = new Block(number, ParseCount(upvote.Groups["n"].Value));
                continue;
            }
            if (block is null)
            {
                // Page chrome before the first block: remember the date heading and the day navigation.
                var nav = DateLinkPattern().Match(text);
                if (nav.Success && DateOnly.TryParseExact(nav.Groups["d"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var navDate))
                {
                    navigation.Add(navDate);
                }
                else if (PartialDate.TryParseExact(text, out var h))
                {
                    heading = h;
                }
                else if (LoginPattern().IsMatch(text) && i + 1 < all.Count && !IsUrl(all[i + 1].Text) && all.Skip(i + 1).Take(3).Any(l => IsPaperUrl(l.Text)))
                {
                    // A block without an upvote marker: start it at its login link.
                    block = new Block(number, null);
                }
                continue;
            }
            if (block.State == State.Done)
            {
                if (NumberPattern().IsMatch(text) && block.Comments is null && i > 0 && all[i - 1].Text == block.DateLine)
                {
                    block.Comments = ParseCount(text);
                }
                else if (LoginPattern().IsMatch(text) && all.Skip(i + 1).Take(3).Any(l => IsPaperUrl(l.Text)))
                {
                    Finish();
                    block = new Block(number, null);
                }
                continue;
            }
            var paperUrl = PaperUrlPattern().Match(text);
            if (paperUrl.Success && PaperId.IsArxivId(paperUrl.Groups["id"].Value))
            {
                var id = paperUrl.Groups["id"].Value;
                if (block.ArxivId is null)
                {
                    block.ArxivId = id;
                }
                if (paperUrl.Groups["community"].Success)
                {
                    continue;
                }
                block.State = block.State switch
                {
                    State.Title => State.Abstract,
                    State.Abstract => State.Byline,
                    _ => block.State,
                };
                continue;
            }
            if (LoginPattern().IsMatch(text) || text == "[")
            {
                continue;
            }
            var profile = ProfileUrlPattern().Match(text);
            if (profile.Success)
            {
                if (block.State == State.Byline && block.PendingText is not null)
                {
                    block.Organization = PlainCopyParser.OrganizationName(block.PendingText);
                    block.OrganizationHandle = profile.Groups["handle"].Value;
                    block.PendingText = null;
                }
                continue;
            }
            if (IsUrl(text))
            {
                continue;
            }
            if (PlainCopyParser.IsDot(text))
            {
                if (block.State is State.Byline or State.Abstract && block.PendingText is not null && block.Organization is null && block.AuthorCount is null)
                {
                    block.Organization = PlainCopyParser.OrganizationName(block.PendingText);
                }
                block.PendingText = null;
                block.State = State.AfterDot;
                continue;
            }
            switch (block.State)
            {
                case State.Title:
                    block.Title = block.Title is null ? text : block.Title + " " + text;
                    block.TitleLine = block.TitleLine == 0 ? number : block.TitleLine;
                    break;
                case State.Abstract:
                    block.Abstract = block.Abstract is null ? text : block.Abstract + "\n\n" + text;
                    break;
                case State.Byline:
                    var authors = AuthorsPattern().Match(text);
                    if (authors.Success)
                    {
                        block.AuthorCount = int.Parse(authors.Groups["n"].Value, CultureInfo.InvariantCulture);
                    }
                    else
                    {
                        block.PendingText = text;
                    }
                    break;
                case State.AfterDot:
                    if (PartialDate.TryParseStart(text, out var date, out var rest))
                    {
                        block.Date = date;
                        block.DateLine = text;
                        var trailing = rest.Trim();
                        if (trailing.Length > 0 && NumberPattern().IsMatch(trailing))
                        {
                            block.Comments = ParseCount(trailing);
                        }
                        block.State = State.Done;
                    }
                    else
                    {
                        diagnostics.Add(Diagnostic.Warning(file, Line(number), $"expected a date after '·', found '{TextLine.Excerpt(text)}'"));
                        block.State = State.Done;
                    }
                    break;
            }
        }
        Finish();
        return new CopiedPage(heading, navigation, cards, diagnostics);
    }

    private static bool IsUrl(string text) => text.StartsWith("http://", StringComparison.Ordinal) || text.StartsWith("https://", StringComparison.Ordinal);

    /// <summary>"-" is how the page draws a count it does not show: not carried, so it never overwrites a real count.</summary>
    internal static int? ParseCount(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string Line(int n) => "line " + n.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\[[-+^]?\]\s*(?<n>\d{1,7}|-)?$")]
    private static partial Regex UpvotePattern();

    [GeneratedRegex(@"^https?://huggingface\.co/papers/(?<id>[A-Za-z0-9.\-/]+?)(?<community>#community)?/?$")]
    private static partial Regex PaperUrlPattern();

    [GeneratedRegex(@"^https?://huggingface\.co/papers/date/(?<d>\d{4}-\d{2}-\d{2})$")]
    private static partial Regex DateLinkPattern();

    [GeneratedRegex(@"^https?://huggingface\.co/login(\?.*)?$")]
    private static partial Regex LoginPattern();

    [GeneratedRegex(@"^https?://huggingface\.co/(?<handle>[A-Za-z0-9][A-Za-z0-9_.\-]*)/?$")]
    private static partial Regex ProfileUrlPattern();

    [GeneratedRegex(@"^(?<n>\d{1,5})\s+authors?(\]\(.*\))?$", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorsPattern();

    [GeneratedRegex(@"^\d{1,7}$")]
    private static partial Regex NumberPattern();
}
