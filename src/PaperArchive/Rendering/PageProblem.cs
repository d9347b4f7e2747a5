using System.Text.Json.Serialization;

namespace PaperArchive.Rendering;

/// <summary>A link or HTML problem found on a page when it was rendered (kept in the <see cref="RenderManifest"/>).</summary>
public sealed record PageProblem(
    [property: JsonPropertyName("location")] string? Location,
    [property: JsonPropertyName("message")] string Message);
