using System.Text.Json.Serialization;

namespace PaperArchive.Rendering;

/// <summary>
/// One page in the <see cref="RenderManifest"/>: its <see cref="PageFingerprint"/>, and what it read
/// while it rendered (<see cref="PageDependencies"/>): <c>site</c> members, theme files looked up
/// (relative path → file found, null for none) and <c>exists</c> answers.
/// </summary>
public sealed record RenderedPage(
    [property: JsonPropertyName("data")] string Data,
    [property: JsonPropertyName("site")] IReadOnlyList<string> SiteMembers,
    [property: JsonPropertyName("theme")] IReadOnlyDictionary<string, string?> ThemeFiles,
    [property: JsonPropertyName("exists")] IReadOnlyDictionary<string, bool>? Exists)
{
    /// <summary>The paper members the page read (<see cref="PageDependencies.PaperMembers"/>); <see cref="Data"/> hashes its papers by these. Null: whole papers.</summary>
    [JsonPropertyName("paper")]
    public IReadOnlyList<string>? PaperMembers { get; init; }
}
