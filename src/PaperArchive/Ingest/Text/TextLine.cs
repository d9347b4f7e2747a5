namespace PaperArchive.Ingest.Text;

/// <summary>A non-blank line of copied text, trimmed, with its 1-based line number in the file.</summary>
internal readonly record struct TextLine(int Number, string Text)
{
    /// <summary>The non-blank lines of <paramref name="lines"/> from index <paramref name="start"/> on.</summary>
    public static List<TextLine> NonBlank(IReadOnlyList<string> lines, int start)
    {
        var result = new List<TextLine>();
        for (var i = start; i < lines.Count; i++)
        {
            var t = lines[i].Trim();
            if (t.Length > 0)
            {
                result.Add(new TextLine(i + 1, t));
            }
        }
        return result;
    }

    public static string Excerpt(string text, int max = 60) =>
        text.Length <= max ? text : text[..max].TrimEnd() + "…";
}
