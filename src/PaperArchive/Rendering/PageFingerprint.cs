using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using PaperArchive.Rendering.Model;

namespace PaperArchive.Rendering;

/// <summary>
/// A hash of everything a <see cref="SitePage"/> hands its templates (path, kind, title, neighbours,
/// variables): two pages with the same fingerprint, rendered by the same theme files with the same
/// <c>site</c> values, come out byte for byte the same. Template models are hashed through their
/// JSON form; each <see cref="PaperModel"/> is hashed once per build and then stands in by its hash,
/// so a list page costs a few hashes, not a re-serialised paper each. A page whose variables cannot be
/// serialised gets a fingerprint of its own that never matches (it is always rendered).
/// Thread-safe; one instance per build.
/// </summary>
public sealed class PageFingerprint
{
    private readonly ConcurrentDictionary<PaperModel, string> _papers = new(ReferenceEqualityComparer.Instance);
    private readonly JsonSerializerOptions _json;
    private readonly JsonSerializerOptions _plain = new() { WriteIndented = false };

    public PageFingerprint()
    {
        _json = new JsonSerializerOptions { WriteIndented = false };
        _json.Converters.Add(new PaperByHash(this));
    }

    public string Of(SitePage page)
    {
        try
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(new
            {
                page.Path,
                page.Kind,
                page.Title,
                page.Fallbacks,
                page.Description,
                page.Prev,
                page.Next,
                page.NoIndex,
                Data = page.Data.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new object?[] { kv.Key, kv.Value }).ToArray(),
            }, _json);
            return Hash(bytes);
        }
        catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException)
        {
            return "unhashable:" + Guid.NewGuid().ToString("N");
        }
    }

    /// <summary>Hash of any template value (the members of <c>site</c>).</summary>
    public string OfValue(object? value) => Hash(JsonSerializer.SerializeToUtf8Bytes(value, value?.GetType() ?? typeof(object), _plain));

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16));

    private string PaperHash(PaperModel paper) => _papers.GetOrAdd(paper, p => Hash(JsonSerializer.SerializeToUtf8Bytes(p, _plain)));

    private sealed class PaperByHash(PageFingerprint owner) : JsonConverter<PaperModel>
    {
        public override PaperModel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, PaperModel value, JsonSerializerOptions options) => writer.WriteStringValue(owner.PaperHash(value));
    }
}
