using YamlDotNet.RepresentationModel;

namespace PaperArchive.Archive;

/// <summary>A mapping inside the front matter (one author, one count snapshot), read with the same typed rules.</summary>
internal sealed class NestedMapping(FrontMatter owner, YamlMappingNode node, string what)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public string? String(string key, bool required = false)
    {
        var value = Get(key, required);
        return value is null ? null : owner.ScalarString(value, key);
    }

    public int? Int(string key)
    {
        var value = Get(key, false);
        return value is null ? null : owner.ScalarInt(value, key);
    }

    public DateOnly? Date(string key, bool required = false)
    {
        var value = Get(key, required);
        return value is null ? null : owner.ScalarDate(value, key);
    }

    public void RejectUnknownKeys()
    {
        foreach (var (key, _) in node.Children)
        {
            var name = key is YamlScalarNode s ? s.Value ?? "" : key.ToString();
            if (!_seen.Contains(name))
            {
                owner.Error(key, $"unknown key '{name}' in {what}");
            }
        }
    }

    private YamlNode? Get(string key, bool required)
    {
        _seen.Add(key);
        if (node.Children.TryGetValue(new YamlScalarNode(key), out var value) && !FrontMatter.IsNull(value))
        {
            return value;
        }
        if (required)
        {
            owner.Error(node, $"{what} has no '{key}'");
        }
        return null;
    }
}
