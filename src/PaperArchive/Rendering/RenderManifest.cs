using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperArchive.Rendering;

/// <summary>
/// What the last build rendered, kept in the site itself (<see cref="RelativePath"/>) so that it is
/// published, swapped and lost together with the pages it describes: an interrupted or refused build
/// never leaves a manifest that disagrees with the site. <see cref="Global"/> covers what every page
/// depends on (program version, configuration, theme defaults); when it differs nothing is reused.
/// <see cref="SiteMembers"/> and <see cref="ThemeFiles"/> hold hashes of the values and files pages
/// read; <see cref="Problems"/> the link/HTML problems found on each page when it was rendered, so
/// that a build which keeps the page reports them again. No times, no absolute paths except the theme files found.
/// </summary>
public sealed record RenderManifest(
    [property: JsonPropertyName("format")] int Format,
    [property: JsonPropertyName("global")] string Global,
    [property: JsonPropertyName("site")] IReadOnlyDictionary<string, string> SiteMembers,
    [property: JsonPropertyName("theme_files")] IReadOnlyDictionary<string, string> ThemeFiles,
    [property: JsonPropertyName("pages")] IReadOnlyDictionary<string, RenderedPage> Pages)
{
    public const int CurrentFormat = 1;

    /// <summary>Site-relative path of the manifest (a dot folder: GitHub Pages' artifact upload leaves hidden files out).</summary>
    public const string RelativePath = ".paperarchive/manifest.json";

    [JsonPropertyName("problems")]
    public IReadOnlyDictionary<string, IReadOnlyList<PageProblem>> Problems { get; init; } = new SortedDictionary<string, IReadOnlyList<PageProblem>>(StringComparer.Ordinal);

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>The manifest of the site in <paramref name="siteDir"/>, or null when it has none or it cannot be read (then nothing is reused).</summary>
    public static RenderManifest? Load(string siteDir)
    {
        var path = Path.Combine(siteDir, RelativePath);
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }
            using var stream = File.OpenRead(path);
            var manifest = JsonSerializer.Deserialize<RenderManifest>(stream, Json);
            return manifest is { Format: CurrentFormat, Pages: not null, SiteMembers: not null, ThemeFiles: not null } ? manifest : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }

    public void Save(string siteDir)
    {
        var path = Path.Combine(siteDir, RelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, this with
        {
            SiteMembers = new SortedDictionary<string, string>(SiteMembers.ToDictionary(), StringComparer.Ordinal),
            ThemeFiles = new SortedDictionary<string, string>(ThemeFiles.ToDictionary(), StringComparer.Ordinal),
            Pages = new SortedDictionary<string, RenderedPage>(Pages.ToDictionary(), StringComparer.Ordinal),
            Problems = new SortedDictionary<string, IReadOnlyList<PageProblem>>(Problems.ToDictionary(), StringComparer.Ordinal),
        }, Json);
    }
}
