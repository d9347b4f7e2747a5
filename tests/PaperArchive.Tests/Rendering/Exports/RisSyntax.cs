namespace PaperArchive.Tests.Rendering.Exports;

/// <summary>
/// A strict RIS reader for tests: every line is <c>XY  - value</c> (two characters, two spaces, a
/// hyphen, a space) ending in CR LF; each record starts with <c>TY</c> and ends with <c>ER</c>;
/// values have no control characters. Throws <see cref="FormatException"/> naming the line.
/// </summary>
public static class RisSyntax
{
    public sealed record Record(IReadOnlyList<(string Tag, string Value)> Tags)
    {
        public IEnumerable<string> All(string tag) => Tags.Where(t => t.Tag == tag).Select(t => t.Value);

        public string? One(string tag) => All(tag).SingleOrDefault();
    }

    public static IReadOnlyList<Record> Parse(string text)
    {
        if (text.Length > 0 && !text.EndsWith("\r\n", StringComparison.Ordinal))
        {
            throw new FormatException("the last line does not end in CR LF");
        }
        var records = new List<Record>();
        List<(string, string)>? current = null;
        var lines = text.Split("\r\n");
        for (var n = 0; n < lines.Length - 1; n++)
        {
            var line = lines[n];
            if (line.Length < 6 || line[2] != ' ' || line[3] != ' ' || line[4] != '-' || line[5] != ' '
                || !(char.IsAsciiLetterUpper(line[0]) && (char.IsAsciiLetterUpper(line[1]) || char.IsAsciiDigit(line[1]))))
            {
                throw new FormatException($"line {n + 1} is not 'XY  - value': '{line}'");
            }
            var tag = line[..2];
            var value = line[6..];
            if (value.Any(char.IsControl))
            {
                throw new FormatException($"line {n + 1} has a control character");
            }
            if (tag == "TY")
            {
                if (current is not null)
                {
                    throw new FormatException($"line {n + 1}: TY before the previous record's ER");
                }
                current = [(tag, value)];
            }
            else if (current is null)
            {
                throw new FormatException($"line {n + 1}: {tag} outside a record");
            }
            else if (tag == "ER")
            {
                if (value.Length > 0)
                {
                    throw new FormatException($"line {n + 1}: ER with a value");
                }
                records.Add(new Record(current));
                current = null;
            }
            else
            {
                current.Add((tag, value));
            }
        }
        if (current is not null)
        {
            throw new FormatException("last record has no ER");
        }
        return records;
    }
}
