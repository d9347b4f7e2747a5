using PaperArchive.Common;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PaperArchive.Build;

/// <summary>Reads <c>site.yml</c>. Unknown keys and bad values are diagnostics with a line, never exceptions.</summary>
public static class SiteConfigLoader
{
    /// <summary>Larger files are refused before reading.</summary>
    public const long MaxFileBytes = 1L * 1024 * 1024;

    /// <summary>A missing file is the default configuration without diagnostics.</summary>
    public static (SiteConfig Config, IReadOnlyList<Diagnostic> Diagnostics) Load(string path)
    {
        if (!File.Exists(path))
        {
            return (new SiteConfig(), []);
        }
        try
        {
            if (new FileInfo(path).Length > MaxFileBytes)
            {
                return (new SiteConfig(), [Diagnostic.Error(path, null, $"site.yml is larger than {MaxFileBytes / (1024 * 1024)} MiB; not read, defaults used")]);
            }
            return Parse(File.ReadAllText(path), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (new SiteConfig(), [Diagnostic.Error(path, null, "cannot read the site configuration: " + e.Message)]);
        }
    }

    public static (SiteConfig Config, IReadOnlyList<Diagnostic> Diagnostics) Parse(string yaml, string fileName)
    {
        var diagnostics = new List<Diagnostic>();
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .Build();
        Dto? dto;
        try
        {
            dto = deserializer.Deserialize<Dto?>(yaml);
        }
        catch (YamlException e)
        {
            var message = (e.InnerException?.Message ?? e.Message).Split('\n')[0];
            diagnostics.Add(Diagnostic.Error(fileName, $"line {e.Start.Line}, column {e.Start.Column}", message));
            return (new SiteConfig(), diagnostics);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these, not a YamlException, on some broken input (found by fuzzing):
            // a broken quoted scalar (InvalidOperationException), a tag like "!!]" (ArgumentException).
            diagnostics.Add(Diagnostic.Error(fileName, null, e is ArgumentException ? e.Message : "a quoted value is broken (the YAML parser gave up)"));
            return (new SiteConfig(), diagnostics);
        }
        var defaults = new SiteConfig();
        if (dto is null)
        {
            return (defaults, diagnostics);
        }
        var baseUrl = string.IsNullOrWhiteSpace(dto.BaseUrl) ? defaults.BaseUrl : dto.BaseUrl.Trim();
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            diagnostics.Add(Diagnostic.Error(fileName, "base_url", $"'{baseUrl}' is not an absolute http(s) URL"));
            baseUrl = defaults.BaseUrl;
        }
        var config = new SiteConfig
        {
            Title = NonEmpty(dto.Title) ?? defaults.Title,
            Description = NonEmpty(dto.Description) ?? defaults.Description,
            BaseUrl = NormalizeBaseUrl(baseUrl),
            Language = NonEmpty(dto.Language) ?? defaults.Language,
            Theme = NonEmpty(dto.Theme) ?? defaults.Theme,
            FeedSize = Positive(dto.FeedSize, "feed_size", defaults.FeedSize),
            HomeDays = Positive(dto.HomeDays, "home_days", defaults.HomeDays),
            HomePapersPerDay = Positive(dto.HomePapersPerDay, "home_papers_per_day", defaults.HomePapersPerDay),
            PageSize = Positive(dto.PageSize, "page_size", defaults.PageSize),
            SizeBudgetMb = Positive(dto.SizeBudgetMb, "size_budget_mb", (int)defaults.SizeBudgetMb),
        };
        return (config, diagnostics);

        int Positive(int? value, string key, int fallback)
        {
            if (value is null)
            {
                return fallback;
            }
            if (value <= 0)
            {
                diagnostics.Add(Diagnostic.Error(fileName, key, $"must be a positive number, got {value}"));
                return fallback;
            }
            return value.Value;
        }
    }

    /// <summary>"https://x.io/repo" → "https://x.io/repo/".</summary>
    public static string NormalizeBaseUrl(string url) => url.EndsWith('/') ? url : url + "/";

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    // YamlDotNet needs a settable class; the public record stays immutable.
    private sealed class Dto
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? BaseUrl { get; set; }
        public string? Language { get; set; }
        public string? Theme { get; set; }
        public int? FeedSize { get; set; }
        public int? HomeDays { get; set; }
        public int? HomePapersPerDay { get; set; }
        public int? PageSize { get; set; }
        public int? SizeBudgetMb { get; set; }
    }
}
