namespace PaperArchive.Tests.Rendering;

/// <summary>
/// Hugo-style inline file trees for tests:
/// <code>
/// -- themes/t/layouts/day.html --
/// {{ layout "baseof" }}day
/// -- input/theme/partials/x.html --
/// …
/// </code>
/// Every "-- path --" line starts a file; the text up to the next header is its content.
/// </summary>
public static class InlineTree
{
    public static void Write(string root, string tree)
    {
        string? path = null;
        var content = new List<string>();
        foreach (var line in tree.Replace("\r\n", "\n").Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("-- ", StringComparison.Ordinal) && trimmed.EndsWith(" --", StringComparison.Ordinal) && trimmed.Length > 6)
            {
                Flush();
                path = trimmed[3..^3].Trim();
                content.Clear();
            }
            else if (path is not null)
            {
                content.Add(line);
            }
        }
        Flush();

        void Flush()
        {
            if (path is null)
            {
                return;
            }
            var file = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, string.Join("\n", content).TrimEnd('\n') + "\n");
        }
    }
}
