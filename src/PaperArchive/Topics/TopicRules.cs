using System.Globalization;
using System.Text;
using PaperArchive.Common;
using PaperArchive.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PaperArchive.Topics;

/// <summary>
/// Loads <c>topics.yml</c>: a YAML list of <c>{slug, title, description, query}</c>. Every problem is a
/// <see cref="Diagnostic"/> with file and line: YAML syntax (line, column, the parser's message), a
/// missing or unknown key, a bad or duplicate slug, and a query Lucene cannot parse or that names an
/// unknown field. Topics with errors are left out; the caller stops the build on any error.
/// </summary>
public static class TopicRules
{
    private static readonly string[] Keys = ["slug", "title", "description", "query"];

    /// <summary>Larger files are refused before reading (a few hundred rules fit in a few KB).</summary>
    public const long MaxFileBytes = 8L * 1024 * 1024;

    /// <summary>A missing file gives no topics and no diagnostics.</summary>
    public static (IReadOnlyList<Topic> Topics, IReadOnlyList<Diagnostic> Diagnostics) Load(string path)
    {
        if (!File.Exists(path))
        {
            return ([], []);
        }
        string text;
        try
        {
            if (new FileInfo(path).Length > MaxFileBytes)
            {
                return ([], [Diagnostic.Error(path, null, $"the topic rules file is larger than {MaxFileBytes / (1024 * 1024)} MiB; not read")]);
            }
            text = File.ReadAllText(path, new UTF8Encoding(false, false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ([], [Diagnostic.Error(path, null, "cannot read the topic rules: " + ex.Message)]);
        }
        return Parse(text, path);
    }

    /// <summary>Parses rules already in memory; <paramref name="file"/> names them in diagnostics.</summary>
    public static (IReadOnlyList<Topic> Topics, IReadOnlyList<Diagnostic> Diagnostics) Parse(string text, string file)
    {
        var diagnostics = new List<Diagnostic>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            diagnostics.Add(Diagnostic.Error(file, At(ex.Start), "YAML error: " + InnerMessage(ex)));
            return ([], diagnostics);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these, not a YamlException, on some broken input (found by fuzzing):
            // a broken quoted scalar (InvalidOperationException), a tag like "!!]" (ArgumentException).
            diagnostics.Add(Diagnostic.Error(file, null, "YAML error: " + (ex is ArgumentException ? ex.Message : "a quoted value is broken (the YAML parser gave up)")));
            return ([], diagnostics);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return ([], diagnostics);
        }
        var root = stream.Documents[0].RootNode;
        // Also accept "topics: [...]" so the rules can live in a larger settings file.
        if (root is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("topics"), out var inner))
        {
            root = inner;
        }
        if (root is not YamlSequenceNode list)
        {
            diagnostics.Add(Diagnostic.Error(file, At(root.Start), "expected a list of topics (\"- slug: ...\")"));
            return ([], diagnostics);
        }

        var topics = new List<Topic>();
        var firstLine = new Dictionary<string, long>(StringComparer.Ordinal);
        using var analyzer = new TopicIndexAnalyzer();
        foreach (var node in list.Children)
        {
            var line = node.Start.Line;
            if (node is not YamlMappingNode item)
            {
                diagnostics.Add(Diagnostic.Error(file, At(node.Start), "a topic must be a mapping with slug, title, description and query"));
                continue;
            }
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var present = new HashSet<string>(StringComparer.Ordinal);
            var ok = true;
            foreach (var (keyNode, valueNode) in item.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? "";
                if (!Keys.Contains(key))
                {
                    diagnostics.Add(Diagnostic.Error(file, At(keyNode.Start), $"unknown key '{key}' (a topic has {string.Join(", ", Keys)})"));
                    ok = false;
                    continue;
                }
                present.Add(key);
                if (valueNode is not YamlScalarNode { Value: { } value })
                {
                    diagnostics.Add(Diagnostic.Error(file, At(valueNode.Start), $"'{key}' must be text"));
                    ok = false;
                    continue;
                }
                values[key] = value.Trim();
            }
            foreach (var required in new[] { "slug", "title", "query" })
            {
                if ((!values.TryGetValue(required, out var v) || v.Length == 0) && !(present.Contains(required) && !values.ContainsKey(required)))
                {
                    diagnostics.Add(Diagnostic.Error(file, LineOf(line), $"topic{Named(values)} has no '{required}'"));
                    ok = false;
                }
            }
            if (!ok)
            {
                continue;
            }
            var slug = values["slug"];
            if (Slug.From(slug) != slug)
            {
                diagnostics.Add(Diagnostic.Error(file, LineOf(line), $"slug '{slug}' is not URL-safe; use lower-case letters, digits and hyphens, e.g. '{Slug.From(slug)}'"));
                continue;
            }
            if (firstLine.TryGetValue(slug, out var previous))
            {
                diagnostics.Add(Diagnostic.Error(file, LineOf(line), $"duplicate slug '{slug}' (first used on line {previous.ToString(CultureInfo.InvariantCulture)})"));
                continue;
            }
            firstLine[slug] = line;
            var (query, error) = TopicQueryParser.Parse(values["query"], analyzer);
            if (query is null)
            {
                diagnostics.Add(Diagnostic.Error(file, LineOf(line), $"topic '{slug}': invalid query: {error}"));
                continue;
            }
            topics.Add(new Topic(slug, values["title"], values.GetValueOrDefault("description", ""), values["query"])
            {
                SourceFile = file,
                SourceLine = checked((int)line),
            });
        }
        return (topics, diagnostics);
    }

    private static string Named(Dictionary<string, string> values) =>
        values.TryGetValue("slug", out var slug) && slug.Length > 0 ? " '" + slug + "'" : "";

    private static string LineOf(long line) => "line " + line.ToString(CultureInfo.InvariantCulture);

    private static string At(Mark mark) =>
        "line " + mark.Line.ToString(CultureInfo.InvariantCulture) + ", column " + mark.Column.ToString(CultureInfo.InvariantCulture);

    /// <summary>YamlDotNet wraps the scanner's message ("While scanning a ...") in its own; the innermost is the useful one.</summary>
    private static string InnerMessage(YamlException ex)
    {
        var message = ex.Message;
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is YamlException y)
            {
                message = y.Message;
            }
        }
        return message;
    }
}
