using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PaperArchive.Ingest.Json;

/// <summary>
/// Turns a parsed Python literal into a <see cref="JsonDocument"/> so that JSON items and repr items
/// go through the same <see cref="JsonElement"/> mapper. <c>inf</c>/<c>nan</c>, which JSON cannot
/// hold, become the strings <c>"inf"</c>/<c>"nan"</c> (and are then rejected as counts like any other string).
/// </summary>
internal static class PythonLiteralJson
{
    public static JsonDocument ToDocument(JsonNode? node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            Write(writer, node);
        }
        return JsonDocument.Parse(buffer.WrittenMemory, new JsonDocumentOptions { MaxDepth = PythonLiteralParser.MaxDepth + 2 });
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj)
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }
                writer.WriteEndArray();
                break;
            case JsonValue v when v.TryGetValue<double>(out var d) && !double.IsFinite(d):
                writer.WriteStringValue(double.IsNaN(d) ? "nan" : d > 0 ? "inf" : "-inf");
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
