using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace PaperArchive.Ingest.Text;

/// <summary>
/// The YAML front matter that page-export tools put on top of a copy (<c>url</c>, <c>retrieved</c>,
/// <c>exported</c>, …). Only the fields the importer uses are kept.
/// </summary>
internal sealed record FrontMatter(string? Url, DateOnly? SavedOn, int BodyStartIndex)
{
    /// <summary>Keys that say when the page was saved; the copy was made on or before that day.</summary>
    private static readonly string[] SavedKeys = ["retrieved", "exported", "scraped", "saved", "fetched", "captured", "accessed", "created", "date"];

    public static readonly FrontMatter None = new(null, null, 0);

    /// <summary>Built once: building a YamlDotNet deserializer reflects over its type tables. It holds no state between calls.</summary>
    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    /// <summary>Reads front matter delimited by "---" lines at the very top; <paramref name="problem"/> says why it was ignored.</summary>
    public static FrontMatter Read(IReadOnlyList<string> lines, out string? problem)
    {
        problem = null;
        if (lines.Count == 0 || lines[0].Trim() != "---")
        {
            return None;
        }
        var end = -1;
        for (var i = 1; i < lines.Count && i < 200; i++)
        {
            if (lines[i].Trim() is "---" or "...")
            {
                end = i;
                break;
            }
        }
        if (end < 0)
        {
            problem = "front matter starts with '---' but never ends";
            return None;
        }
        Dictionary<string, object?>? map;
        try
        {
            var yaml = string.Join("\n", lines.Skip(1).Take(end - 1));
            map = Yaml.Deserialize<Dictionary<string, object?>>(yaml);
        }
        catch (Exception ex) when (ex is YamlException or InvalidCastException or InvalidOperationException or ArgumentException)
        {
            problem = "front matter is not valid YAML (" + ex.Message + ")";
            return new FrontMatter(null, null, end + 1);
        }
        if (map is null)
        {
            return new FrontMatter(null, null, end + 1);
        }
        string? Get(string key) =>
            map.FirstOrDefault(kv => string.Equals(kv.Key, key, StringComparison.OrdinalIgnoreCase)).Value as string;
        DateOnly? saved = null;
        foreach (var key in SavedKeys)
        {
            var value = Get(key)?.Trim();
            if (value is { Length: >= 10 } &&
                DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                saved = d;
                break;
            }
        }
        return new FrontMatter(Get("url")?.Trim(), saved, end + 1);
    }
}
