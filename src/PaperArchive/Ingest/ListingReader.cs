using System.Text;
using PaperArchive.Ingest.Html;
using PaperArchive.Ingest.Json;
using PaperArchive.Ingest.Text;

namespace PaperArchive.Ingest;

/// <summary>
/// Front door of the ingest stage: <c>ListingReader.Read(path)</c> reads any supported listing file,
/// choosing the format by content. Never throws for bad data.
/// </summary>
public static class ListingReader
{
    /// <summary>Files larger than this are refused with a clear error instead of being loaded.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    private const int SniffChars = 8192;

    /// <summary>The formats, most specific first. Ties in <see cref="IListingFormat.Sniff"/> go to the earlier one.</summary>
    public static IReadOnlyList<IListingFormat> Formats { get; } =
    [
        new ApiJsonFormat(),
        new PaperHtmlFormat(),
        new ListingHtmlFormat(),
        new PageTextFormat(),
    ];

    /// <summary>File extensions looked at when scanning a folder of listings.</summary>
    public static IReadOnlySet<string> ListingExtensions { get; } =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".json", ".html", ".htm", ".txt", ".md", ".markdown" };

    public static ListingReadResult Read(string path)
    {
        string text;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return ListingReadResult.Unreadable(path, "file not found");
            }
            if (info.Length > MaxFileBytes)
            {
                return ListingReadResult.Unreadable(path, $"file is {info.Length / (1024 * 1024)} MiB; listings larger than {MaxFileBytes / (1024 * 1024)} MiB are not read");
            }
            text = File.ReadAllText(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ListingReadResult.Unreadable(path, ex.Message);
        }
        return ReadText(text, path);
    }

    /// <summary>Reads text already in memory; <paramref name="file"/> names it in messages and hints the format.</summary>
    public static ListingReadResult ReadText(string text, string file)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ListingReadResult.Unreadable(file, "file is empty");
        }
        var head = text.AsSpan(0, Math.Min(text.Length, SniffChars));
        var fileName = Path.GetFileName(file);
        IListingFormat? best = null;
        var bestScore = 0;
        foreach (var format in Formats)
        {
            var score = format.Sniff(head, fileName);
            if (score > bestScore)
            {
                best = format;
                bestScore = score;
            }
        }
        if (best is null)
        {
            return ListingReadResult.Unreadable(file, "not a listing in any supported format (API JSON, /papers HTML, paper page HTML, copied page text)");
        }
        try
        {
            return InputLimits.Apply(best.Read(text, file));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Formats report bad data as diagnostics; a parser bug must still not take a whole import
            // (or a fetch's validation) down, so it is reported against the file, once, here.
            return ListingReadResult.Unreadable(file, $"{Describe(best.Kind)} could not be read: {ex.Message}");
        }
    }

    private static string Describe(SourceKind kind) => kind switch
    {
        SourceKind.ApiJson => "API JSON listing",
        SourceKind.ListingHtml => "saved listing page",
        SourceKind.PaperHtml => "saved paper page",
        _ => "copied page text",
    };

    /// <summary>Every listing file under <paramref name="dir"/>, recursively, in ordinal path order (deterministic).</summary>
    public static IReadOnlyList<string> FindListings(string dir)
    {
        if (!Directory.Exists(dir))
        {
            return [];
        }
        return Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Where(p => ListingExtensions.Contains(Path.GetExtension(p)))
            // Dot-files and dot-folders hold state and set-aside responses (e.g. fetch's .rejected/), never listings.
            .Where(p => !Path.GetRelativePath(dir, p).Split('/', '\\').Any(segment => segment.StartsWith('.')))
            .Where(p => !Path.GetFileName(p).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
