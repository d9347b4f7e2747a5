using YamlDotNet.RepresentationModel;

namespace PaperArchive.Tests.Workflows;

/// <summary>
/// A GitHub Actions workflow read with YamlDotNet's representation model, which keeps every key a
/// string: YAML 1.1 readers turn the bare key <c>on</c> into boolean true, so both spellings are accepted.
/// </summary>
internal sealed class WorkflowFile
{
    private WorkflowFile(string path, string text, YamlMappingNode root)
    {
        Path = path;
        Text = text;
        Root = root;
    }

    public string Path { get; }

    public string Text { get; }

    public YamlMappingNode Root { get; }

    public static WorkflowFile Load(string path)
    {
        var text = File.ReadAllText(path);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return new WorkflowFile(path, text, (YamlMappingNode)stream.Documents[0].RootNode);
    }

    public YamlMappingNode Triggers
    {
        get
        {
            var node = Get(Root, "on") ?? Get(Root, "true") ?? throw new InvalidOperationException($"{Path}: no 'on:' triggers");
            return node as YamlMappingNode ?? throw new InvalidOperationException($"{Path}: 'on:' should be a mapping");
        }
    }

    public YamlMappingNode Job(string name) => (YamlMappingNode)(Get(Get(Root, "jobs"), name) ?? throw new InvalidOperationException($"{Path}: no job '{name}'"));

    public IEnumerable<YamlMappingNode> Jobs() => ((YamlMappingNode)Get(Root, "jobs")!).Children.Values.Cast<YamlMappingNode>();

    public static IReadOnlyList<YamlMappingNode> Steps(YamlMappingNode job) =>
        ((YamlSequenceNode)(Get(job, "steps") ?? new YamlSequenceNode())).Children.Cast<YamlMappingNode>().ToList();

    public static YamlNode? Get(YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Scalar(YamlNode? node, string key) => (Get(node, key) as YamlScalarNode)?.Value;

    /// <summary>A permissions block as name → level; "{}" or absent gives an empty map.</summary>
    public static IReadOnlyDictionary<string, string> Permissions(YamlNode? owner) =>
        Get(owner, "permissions") switch
        {
            YamlMappingNode map => map.Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => ((YamlScalarNode)kv.Value).Value!),
            YamlScalarNode scalar => new Dictionary<string, string> { ["*"] = scalar.Value! },
            _ => new Dictionary<string, string>(),
        };
}
