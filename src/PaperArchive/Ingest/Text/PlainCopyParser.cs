using System.Globalization;
using System.Text.RegularExpressions;
using PaperArchive.Common;

namespace PaperArchive.Ingest.Text;

/// <summary>
/// The plain copied text of a <c>/papers</c> page (the seed's layout): after the page chrome and the
/// date heading, one block per paper — title, abstract, "• N authors" or an organisation, a line with
/// only "·", then the date, optionally followed by the comment count. A block is complete when its
/// "·"/date footer is there; text without a footer (a card cut short by the copy) is skipped with a
/// warning naming its line, because without a date it cannot be told apart from page chrome.
/// </summary>
internal static partial class PlainCopyParser
{
    /// <summary>Longer lines are an abstract, never a title (the longest real titles are ~250 chars).</summary>
    internal const int MaxTitleLength = 350;

    /// <summary>Longer lines before the "·" are an abstract, not an organisation name.</summary>
    private const int MaxOrganizationLength = 120;

    public static CopiedPage Parse(IReadOnlyList<string> lines, int start, string file)
    {
        var all = TextLine.NonBlank(lines, start);
        var diagnostics = new List<Diagnostic>();
        var cards = new List<CopiedCard>();

        var firstDot = all.FindIndex(l => IsDot(l.Text));
        PartialDate? heading = null;
        var regionStart = 0;
        // The heading is the last lone date before the first block; everything above it is page chrome.
        for (var i = (firstDot < 0 ? all.Count : firstDot) - 1; i >= 0; i--)
        {
            if (PartialDate.TryParseExact(all[i].Text, out var h))
            {
                heading = h;
                regionStart = i + 1;
                break;
            }
        }
        var chromeBeforeFirstBlock = heading is null;

        for (var k = 0; k < all.Count; k++)
        {
            if (!IsDot(all[k].Text))
            {
                continue;
            }
            var dot = all[k];
            if (k + 1 >= all.Count || !PartialDate.TryParseStart(all[k + 1].Text, out var date, out var rest) || !TryCount(rest, out var comments))
            {
                diagnostics.Add(Diagnostic.Warning(file, Line(dot.Number), "'·' is not followed by a date line; the block is skipped"));
                regionStart = k + 1;
                continue;
            }
            var bodyEnd = k; // exclusive
            int? authorCount = null;
            string? organization = null;
            if (k - 1 >= regionStart)
            {
                var byline = all[k - 1].Text;
                var count = AuthorsPattern().Match(byline);
                if (count.Success)
                {
                    authorCount = int.Parse(count.Groups["n"].Value, CultureInfo.InvariantCulture);
                    bodyEnd = k - 1;
                }
                else if (byline.Length <= MaxOrganizationLength)
                {
                    organization = OrganizationName(byline);
                    bodyEnd = k - 1;
                }
            }
            var body = all.GetRange(regionStart, bodyEnd - regionStart);
            var leftover = SplitBody(body, out var title, out var summary);
            if (leftover.Count > 0 && !(chromeBeforeFirstBlock && cards.Count == 0 && diagnostics.Count == 0))
            {
                diagnostics.Add(Diagnostic.Warning(file, Line(leftover[0].Number),
                    $"text without an author/date line is skipped (a block cut short by the copy?): '{TextLine.Excerpt(leftover[0].Text)}'"));
            }
            if (title is null)
            {
                diagnostics.Add(Diagnostic.Warning(file, Line((body.Count > 0 ? body[0] : dot).Number), "block has no title; skipped"));
            }
            else
            {
                cards.Add(new CopiedCard(title.Value.Number, title.Value.Text, summary, null, authorCount, organization, null, date, null, comments));
            }
            chromeBeforeFirstBlock = false;
            regionStart = k + 2;
            k++;
        }
        if (regionStart < all.Count)
        {
            var tail = all[regionStart];
            diagnostics.Add(Diagnostic.Warning(file, Line(tail.Number),
                $"the last block has no author/date line (the copy ends early?); skipped: '{TextLine.Excerpt(tail.Text)}'"));
        }
        return new CopiedPage(heading, [], cards, diagnostics);
    }

    /// <summary>
    /// The lines above a footer are [title, abstract] — the rest (if any) is text of an earlier,
    /// incomplete block and is returned. A single short line is a title without abstract; a single long
    /// line is an abstract without title.
    /// </summary>
    private static List<TextLine> SplitBody(List<TextLine> body, out TextLine? title, out string? summary)
    {
        title = null;
        summary = null;
        var n = body.Count;
        if (n == 0)
        {
            return [];
        }
        if (n >= 2 && IsTitleLike(body[n - 2].Text))
        {
            title = body[n - 2];
            summary = body[n - 1].Text;
            return body.GetRange(0, n - 2);
        }
        if (IsTitleLike(body[n - 1].Text))
        {
            title = body[n - 1];
            return body.GetRange(0, n - 1);
        }
        return body.GetRange(0, n - 1);
    }

    internal static bool IsTitleLike(string text) => text.Length <= MaxTitleLength;

    internal static bool IsDot(string text) => text is "·" or "•" or "⋅";

    /// <summary>"Gensyn Gensyn": the copy repeats the avatar's alt text before the name; keep one.</summary>
    internal static string OrganizationName(string text)
    {
        text = PaperTextCleaner.CollapseWhitespace(text.TrimStart('•', '·', ' '));
        var half = text.Length / 2;
        if (text.Length % 2 == 1 && text[half] == ' ' && text[..half] == text[(half + 1)..])
        {
            return text[..half];
        }
        return text;
    }

    /// <summary>After the date: nothing, or the comment count.</summary>
    private static bool TryCount(string rest, out int? count)
    {
        count = null;
        rest = rest.Trim();
        if (rest.Length == 0)
        {
            return true;
        }
        if (int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            count = n;
            return true;
        }
        return false;
    }

    private static string Line(int n) => "line " + n.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[•·\-*]?\s*(?<n>\d{1,5})\s+authors?$", RegexOptions.IgnoreCase)]
    internal static partial Regex AuthorsPattern();
}
