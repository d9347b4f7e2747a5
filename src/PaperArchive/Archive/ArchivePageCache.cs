using System.Text.Json;
using System.Text.Json.Serialization;
using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Archive;

/// <summary>
/// Archive pages already parsed, by path and SHA-256 of their bytes: reading a 20,000-paper archive
/// parses only the pages whose bytes changed since the cache was written, instead of every page's YAML.
/// The build keeps it beside its manifest (<c>site/.paperarchive/</c>, carried between runs with the
/// site); it is only ever a shortcut — a page whose hash differs, or a damaged or missing cache file,
/// is parsed as usual, and only pages that parsed without a diagnostic are remembered.
/// </summary>
public sealed class ArchivePageCache
{
    /// <summary>File name of the cache inside the site's build-state folder.</summary>
    public const string FileName = "archive-pages.json";

    private const int Format = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = false,
        Converters = { new ValueListConverterFactory() },
    };

    private readonly Dictionary<string, Entry> _entries;

    private ArchivePageCache(Dictionary<string, Entry> entries) => _entries = entries;

    public static ArchivePageCache Empty() => new(new Dictionary<string, Entry>(StringComparer.Ordinal));

    public int Count => _entries.Count;

    /// <summary>The page parsed when its bytes hashed to <paramref name="sha256"/>, if remembered.</summary>
    internal bool TryGet(string path, string sha256, out Paper? paper, out DayListing? day)
    {
        if (_entries.TryGetValue(path, out var entry) && entry.Sha256 == sha256 && (entry.Paper is not null || entry.Day is not null))
        {
            (paper, day) = (entry.Paper, entry.Day);
            return true;
        }
        (paper, day) = (null, null);
        return false;
    }

    /// <summary>A cache of the pages just read (clean ones only).</summary>
    internal static ArchivePageCache From(IEnumerable<(string Path, string Sha256, Paper? Paper, DayListing? Day)> pages) =>
        new(pages.Where(p => p.Paper is not null || p.Day is not null)
            .ToDictionary(p => p.Path, p => new Entry(p.Sha256, p.Paper, p.Day), StringComparer.Ordinal));

    /// <summary>The cache in <paramref name="file"/>; empty when there is none or it cannot be read.</summary>
    public static ArchivePageCache Load(string file)
    {
        try
        {
            if (!File.Exists(file))
            {
                return Empty();
            }
            using var stream = File.OpenRead(file);
            var stored = JsonSerializer.Deserialize<Stored>(stream, Json);
            return stored is { Format: Format, Pages: not null }
                ? new ArchivePageCache(new Dictionary<string, Entry>(stored.Pages, StringComparer.Ordinal))
                : Empty();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException or InvalidOperationException)
        {
            return Empty();
        }
    }

    /// <summary>Writes the cache atomically (entries in path order, so the same archive gives the same bytes).</summary>
    public void Save(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var stored = new Stored(Format, new SortedDictionary<string, Entry>(_entries, StringComparer.Ordinal));
        AtomicFile.WriteAllBytes(file, JsonSerializer.SerializeToUtf8Bytes(stored, Json));
    }

    private sealed record Stored(
        [property: JsonPropertyName("format")] int Format,
        [property: JsonPropertyName("pages")] IReadOnlyDictionary<string, Entry>? Pages);

    internal sealed record Entry(
        [property: JsonPropertyName("sha256")] string Sha256,
        [property: JsonPropertyName("paper"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Paper? Paper,
        [property: JsonPropertyName("day"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DayListing? Day);

    /// <summary><see cref="ValueList{T}"/> as a JSON array.</summary>
    private sealed class ValueListConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(ValueList<>);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(ValueListConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
    }

    private sealed class ValueListConverter<T> : JsonConverter<ValueList<T>>
    {
        public override ValueList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ValueList<T>.From(JsonSerializer.Deserialize<List<T>>(ref reader, options));

        public override void Write(Utf8JsonWriter writer, ValueList<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.ToList(), options);
    }
}
