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
    public const int CurrentFormat = 3;

    /// <summary>Site-relative path of the manifest (a dot folder: GitHub Pages' artifact upload leaves hidden files out).</summary>
    public const string RelativePath = ".paperarchive/manifest.json";

    [JsonPropertyName("problems")]
    public IReadOnlyDictionary<string, IReadOnlyList<PageProblem>> Problems { get; init; } = new SortedDictionary<string, IReadOnlyList<PageProblem>>(StringComparer.Ordinal);

    /// <summary>Site path → hash of every generated file (feeds, exports, search shards, assets, sitemaps): see <see cref="SiteFileWriter"/>.</summary>
    [JsonPropertyName("files")]
    public IReadOnlyDictionary<string, string> Files { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Total bytes of the site's files (the manifest aside) when it was published: the next in-place build updates it instead of measuring every file (see <c>SiteSizeGuard.Update</c>).</summary>
    [JsonPropertyName("bytes")]
    public long Bytes { get; init; }

    /// <summary>Site path → <see cref="SiteFile.Key"/> of the generated files that have one.</summary>
    [JsonPropertyName("file_keys")]
    public IReadOnlyDictionary<string, string> FileKeys { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Every file of the site this manifest describes (pages and generated files), the manifest itself aside.</summary>
    public IEnumerable<string> AllPaths() => Pages.Keys.Concat(Files.Keys);

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
            var stored = JsonSerializer.Deserialize<Stored>(stream, Json);
            if (stored is not { Format: CurrentFormat, Pages: not null, Dependencies: not null, SiteMembers: not null, ThemeFiles: not null })
            {
                return null;
            }
            var shared = stored.Dependencies.Select(d => new RenderedPage("", d.SiteMembers ?? [], d.ThemeFiles ?? new SortedDictionary<string, string?>(StringComparer.Ordinal), null)
            {
                PaperMembers = d.PaperMembers,
            }).ToArray();
            var pages = new Dictionary<string, RenderedPage>(stored.Pages.Count, StringComparer.Ordinal);
            foreach (var (page, entry) in stored.Pages)
            {
                if (entry.Dependencies < 0 || entry.Dependencies >= shared.Length || entry.Data is null)
                {
                    return null;
                }
                pages[page] = shared[entry.Dependencies] with { Data = entry.Data, Exists = entry.Exists is null ? null : ExistsAnswers.From(entry.Exists) };
            }
            return new RenderManifest(stored.Format, stored.Global ?? "", stored.SiteMembers, stored.ThemeFiles, pages)
            {
                Problems = stored.Problems ?? new SortedDictionary<string, IReadOnlyList<PageProblem>>(StringComparer.Ordinal),
                Files = stored.Files ?? new SortedDictionary<string, string>(StringComparer.Ordinal),
                FileKeys = stored.FileKeys ?? new SortedDictionary<string, string>(StringComparer.Ordinal),
                Bytes = stored.Bytes,
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes the manifest. Pages of a kind read the same things, so what a page read (its <c>exists</c> answers
    /// aside) is stored once per distinct set (<c>deps</c>) and each page names its set: a 20,000-paper site's
    /// manifest is tens of megabytes, not a hundred.
    /// </summary>
    public void Save(string siteDir)
    {
        var path = Path.Combine(siteDir, RelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var dependencies = new List<StoredDependencies>();
        var pages = new SortedDictionary<string, StoredPage>(StringComparer.Ordinal);
        // Pages of a kind share the very objects (SiteRenderer and Load share them): compared by reference first, so
        // each distinct set is serialised once rather than once per page.
        var byReference = new Dictionary<(object, object, object?), int>(SharedReads.Instance);
        foreach (var (page, rendered) in Pages.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!byReference.TryGetValue((rendered.SiteMembers, rendered.ThemeFiles, rendered.PaperMembers), out var id))
            {
                var entry = new StoredDependencies(
                    rendered.SiteMembers,
                    new SortedDictionary<string, string?>(rendered.ThemeFiles.ToDictionary(), StringComparer.Ordinal),
                    rendered.PaperMembers);
                var key = JsonSerializer.Serialize(entry, Json);
                if (!ids.TryGetValue(key, out id))
                {
                    id = dependencies.Count;
                    ids[key] = id;
                    dependencies.Add(entry);
                }
                byReference[(rendered.SiteMembers, rendered.ThemeFiles, rendered.PaperMembers)] = id;
            }
            pages[page] = new StoredPage(rendered.Data, id,
                rendered.Exists is null or ExistsAnswers ? rendered.Exists : ExistsAnswers.From(rendered.Exists));
        }
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, new Stored(
            Format,
            Global,
            new SortedDictionary<string, string>(SiteMembers.ToDictionary(), StringComparer.Ordinal),
            new SortedDictionary<string, string>(ThemeFiles.ToDictionary(), StringComparer.Ordinal),
            dependencies,
            pages,
            new SortedDictionary<string, string>(Files.ToDictionary(), StringComparer.Ordinal),
            new SortedDictionary<string, string>(FileKeys.ToDictionary(), StringComparer.Ordinal),
            new SortedDictionary<string, IReadOnlyList<PageProblem>>(Problems.ToDictionary(), StringComparer.Ordinal),
            Bytes), Json);
    }

    /// <summary>Three objects by identity.</summary>
    private sealed class SharedReads : IEqualityComparer<(object, object, object?)>
    {
        public static readonly SharedReads Instance = new();

        public bool Equals((object, object, object?) x, (object, object, object?) y) =>
            ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2) && ReferenceEquals(x.Item3, y.Item3);

        public int GetHashCode((object, object, object?) obj) => HashCode.Combine(
            System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item1),
            System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item2),
            obj.Item3 is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item3));
    }

    private sealed record Stored(
        [property: JsonPropertyName("format")] int Format,
        [property: JsonPropertyName("global")] string? Global,
        [property: JsonPropertyName("site")] IReadOnlyDictionary<string, string>? SiteMembers,
        [property: JsonPropertyName("theme_files")] IReadOnlyDictionary<string, string>? ThemeFiles,
        [property: JsonPropertyName("deps")] IReadOnlyList<StoredDependencies>? Dependencies,
        [property: JsonPropertyName("pages")] IReadOnlyDictionary<string, StoredPage>? Pages,
        [property: JsonPropertyName("files")] IReadOnlyDictionary<string, string>? Files,
        [property: JsonPropertyName("file_keys")] IReadOnlyDictionary<string, string>? FileKeys,
        [property: JsonPropertyName("problems")] IReadOnlyDictionary<string, IReadOnlyList<PageProblem>>? Problems,
        [property: JsonPropertyName("bytes")] long Bytes);

    private sealed record StoredDependencies(
        [property: JsonPropertyName("site")] IReadOnlyList<string>? SiteMembers,
        [property: JsonPropertyName("theme")] IReadOnlyDictionary<string, string?>? ThemeFiles,
        [property: JsonPropertyName("paper")] IReadOnlyList<string>? PaperMembers);

    // `exists` answers name the page's own neighbours (its exports, its keywords' pages), so they stay with the page.
    private sealed record StoredPage(
        [property: JsonPropertyName("data")] string? Data,
        [property: JsonPropertyName("deps")] int Dependencies,
        [property: JsonPropertyName("exists")] IReadOnlyDictionary<string, bool>? Exists);
}
