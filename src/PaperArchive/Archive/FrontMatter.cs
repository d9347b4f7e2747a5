using System.Globalization;
using PaperArchive.Common;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PaperArchive.Archive;

/// <summary>
/// The YAML front matter of one archive page, read with YamlDotNet's representation model (not into
/// <c>Dictionary&lt;string,object&gt;</c>, which would turn every scalar into a string and lose the
/// difference between <c>null</c> and <c>"null"</c>). Typed getters record an error naming the file
/// and line instead of throwing; a page with any error is treated as unreadable and left untouched.
/// </summary>
internal sealed class FrontMatter
{
    private readonly YamlMappingNode _root;
    private readonly string _file;
    private readonly List<Diagnostic> _diagnostics;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    private FrontMatter(YamlMappingNode root, string body, string file, List<Diagnostic> diagnostics)
    {
        _root = root;
        Body = body;
        _file = file;
        _diagnostics = diagnostics;
    }

    public string Body { get; }

    public bool HasErrors => _diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>Splits "---\n yaml \n---\n body" and parses the YAML; null (with an error) when that fails.</summary>
    public static FrontMatter? Parse(string text, string file, List<Diagnostic> diagnostics)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            diagnostics.Add(Diagnostic.Error(file, "line 1", "no YAML front matter (the page must start with a '---' line)"));
            return null;
        }
        var end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        var bodyStart = end + 5;
        if (end < 0 && text.EndsWith("\n---", StringComparison.Ordinal))
        {
            end = text.Length - 4;
            bodyStart = text.Length;
        }
        if (end < 0)
        {
            diagnostics.Add(Diagnostic.Error(file, "line 1", "front matter is not closed by a '---' line"));
            return null;
        }
        var yaml = text[4..(end + 1)];
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            diagnostics.Add(Diagnostic.Error(file, LineOf(ex.Start), "invalid YAML front matter: " + ex.Message));
            return null;
        }
        catch (ArgumentException ex)
        {
            // YamlMappingNode reports a repeated key this way.
            diagnostics.Add(Diagnostic.Error(file, null, "invalid YAML front matter: " + ex.Message));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (not a YamlException) on some broken quoted scalars,
            // e.g. `- {a: "x"y"` followed by a line starting with a quote (found by fuzzing).
            diagnostics.Add(Diagnostic.Error(file, null, "invalid YAML front matter: a quoted value is broken (the YAML parser gave up)"));
            return null;
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            diagnostics.Add(Diagnostic.Error(file, "line 2", "front matter must be one YAML mapping (key: value lines)"));
            return null;
        }
        return new FrontMatter(root, text[Math.Min(bodyStart, text.Length)..], file, diagnostics);
    }

    /// <summary>Reports every key no getter asked for: rewriting the page would drop it, so it is an error.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var (key, _) in _root.Children)
        {
            var name = key is YamlScalarNode s ? s.Value ?? "" : key.ToString();
            if (!_seen.Contains(name))
            {
                Error(key, $"unknown key '{name}' (rewriting this page would drop it; remove or rename it)");
            }
        }
    }

    public string? String(string key, bool required = false)
    {
        var node = Get(key, required);
        if (node is null)
        {
            return null;
        }
        return ScalarString(node, key);
    }

    public int? Int(string key)
    {
        var node = Get(key, false);
        return node is null ? null : ScalarInt(node, key);
    }

    public DateOnly? Date(string key, bool required = false)
    {
        var node = Get(key, required);
        return node is null ? null : ScalarDate(node, key);
    }

    public IReadOnlyList<YamlNode> Sequence(string key)
    {
        var node = Get(key, false);
        if (node is null)
        {
            return [];
        }
        if (node is YamlSequenceNode seq)
        {
            return seq.Children.ToList();
        }
        Error(node, $"'{key}' must be a list");
        return [];
    }

    public List<string> StringList(string key)
    {
        var list = new List<string>();
        foreach (var item in Sequence(key))
        {
            var s = ScalarString(item, key);
            if (s is not null)
            {
                list.Add(s);
            }
            else if (!IsNull(item))
            {
                // ScalarString already reported why.
            }
            else
            {
                Error(item, $"'{key}' must not contain empty entries");
            }
        }
        return list;
    }

    public List<DateOnly> DateList(string key)
    {
        var list = new List<DateOnly>();
        foreach (var item in Sequence(key))
        {
            if (ScalarDate(item, key) is { } d)
            {
                list.Add(d);
            }
        }
        return list;
    }

    /// <summary>Reads the keys of a nested mapping (an author, a snapshot) with the same typed rules.</summary>
    public NestedMapping? Mapping(YamlNode node, string what)
    {
        if (node is YamlMappingNode m)
        {
            return new NestedMapping(this, m, what);
        }
        Error(node, $"each {what} must be a mapping");
        return null;
    }

    internal string? ScalarString(YamlNode node, string key)
    {
        if (node is not YamlScalarNode s)
        {
            Error(node, $"'{key}' must be a text value");
            return null;
        }
        return IsNull(s) ? null : s.Value ?? "";
    }

    internal int? ScalarInt(YamlNode node, string key)
    {
        if (node is YamlScalarNode s && IsNull(s))
        {
            return null;
        }
        if (node is YamlScalarNode { Style: ScalarStyle.Plain } p &&
            int.TryParse(p.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        Error(node, $"'{key}' must be a whole number, got '{Describe(node)}'");
        return null;
    }

    internal DateOnly? ScalarDate(YamlNode node, string key)
    {
        if (node is YamlScalarNode s && IsNull(s))
        {
            return null;
        }
        if (node is YamlScalarNode sc &&
            DateOnly.TryParseExact(sc.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        Error(node, $"'{key}' must be a date like 2024-06-03, got '{Describe(node)}'");
        return null;
    }

    internal void Error(YamlNode node, string message) =>
        _diagnostics.Add(Diagnostic.Error(_file, LineOf(node.Start), message));

    internal void Error(string location, string message) =>
        _diagnostics.Add(Diagnostic.Error(_file, location, message));

    private YamlNode? Get(string key, bool required)
    {
        _seen.Add(key);
        if (_root.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            if (required && node is YamlScalarNode s && IsNull(s))
            {
                Error(node, $"'{key}' must not be empty");
            }
            return node;
        }
        if (required)
        {
            _diagnostics.Add(Diagnostic.Error(_file, "line 1", $"front matter has no '{key}'"));
        }
        return null;
    }

    /// <summary>An unquoted <c>null</c>, <c>~</c> or nothing; a quoted "null" is the text "null".</summary>
    internal static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } s &&
        (string.IsNullOrEmpty(s.Value) || s.Value is "~" or "null" or "Null" or "NULL");

    private static string Describe(YamlNode node)
    {
        var text = node is YamlScalarNode s ? s.Value ?? "" : node.NodeType.ToString().ToLowerInvariant();
        return text.Length > 40 ? text[..40] + "…" : text;
    }

    // The YAML starts on the file's second line (after "---"); YamlDotNet counts lines from 1.
    private static string LineOf(Mark mark) => "line " + (mark.Line + 1).ToString(CultureInfo.InvariantCulture);
}
