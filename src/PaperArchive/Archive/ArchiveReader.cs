using System.Security.Cryptography;
using System.Text;
using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Archive;

/// <summary>
/// Reads the Markdown archive back into the model: every page under <c>papers/</c> and <c>days/</c>
/// (other folders, such as <c>topics/</c>, belong to other stages and are ignored). Only the front
/// matter is read; the body is generated. A page that cannot be read is reported (file and line) and
/// listed in <see cref="ArchiveReadResult.UnreadableFiles"/>; every other page is still read.
/// </summary>
public static class ArchiveReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A missing folder is an empty archive. With a <paramref name="cache"/>, pages whose bytes it knows are not parsed again.</summary>
    public static ArchiveReadResult Read(string dir, ArchivePageCache? cache = null)
    {
        if (!Directory.Exists(dir))
        {
            return new ArchiveReadResult(ArchiveModel.Empty, []) { Digest = ArchiveDigest.Compute([]), Cache = ArchivePageCache.Empty() };
        }
        var files = ArchiveDigest.OwnedFiles(dir).Order(StringComparer.Ordinal).ToArray();
        var pages = new PageRead[files.Length];
        // Opened by absolute path: a relative one is resolved against the working folder (a getcwd call) per page.
        var fullDir = Path.GetFullPath(dir);
        Parallel.For(0, files.Length, i => pages[i] = ReadPage(dir, fullDir, files[i], cache));

        var diagnostics = new List<Diagnostic>();
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        var papers = new Dictionary<string, (Paper Paper, string Path)>(StringComparer.Ordinal);
        var days = new Dictionary<DateOnly, (DayListing Day, string Path)>();
        foreach (var page in pages)
        {
            diagnostics.AddRange(page.Diagnostics);
            if (page.Paper is null && page.Day is null)
            {
                unreadable.Add(page.Path);
                continue;
            }
            if (page.Paper is { } paper)
            {
                if (papers.TryGetValue(paper.Id, out var first))
                {
                    diagnostics.Add(Diagnostic.Error(Path.Combine(dir, page.Path), null,
                        $"paper {paper.Id} is also in {first.Path}; keeping that page, leaving both untouched until one is removed"));
                    unreadable.Add(page.Path);
                    unreadable.Add(first.Path);
                    continue;
                }
                papers[paper.Id] = (paper, page.Path);
            }
            if (page.Day is { } day)
            {
                if (days.TryGetValue(day.Date, out var first))
                {
                    diagnostics.Add(Diagnostic.Error(Path.Combine(dir, page.Path), null,
                        $"day {day.Date:yyyy-MM-dd} is also in {first.Path}; keeping that page, leaving both untouched until one is removed"));
                    unreadable.Add(page.Path);
                    unreadable.Add(first.Path);
                    continue;
                }
                days[day.Date] = (day, page.Path);
            }
        }
        var model = new ArchiveModel(
            papers.Values.Select(v => v.Paper).OrderBy(p => p.Id, StringComparer.Ordinal).ToValueList(),
            days.Values.Select(v => v.Day).OrderBy(d => d.Date).ToValueList());
        return new ArchiveReadResult(model, diagnostics)
        {
            UnreadableFiles = unreadable,
            PaperFiles = papers.ToDictionary(kv => kv.Key, kv => kv.Value.Path, StringComparer.Ordinal),
            Digest = ArchiveDigest.Compute(pages.Where(p => p.Hash is not null).Select(p => KeyValuePair.Create(p.Path, p.Hash!))),
            FileHashes = pages.Where(p => p.Hash is not null).ToDictionary(p => p.Path, p => p.Hash!, StringComparer.Ordinal),
            Cache = ArchivePageCache.From(pages.Where(p => p.Hash is not null && p.Diagnostics.Count == 0 && !unreadable.Contains(p.Path))
                .Select(p => (p.Path, Convert.ToHexStringLower(p.Hash!), p.Paper, p.Day))),
        };
    }

    private static PageRead ReadPage(string dir, string fullDir, string relPath, ArchivePageCache? cache)
    {
        var full = Path.Combine(dir, relPath);
        var diagnostics = new List<Diagnostic>();
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(Path.Combine(fullDir, relPath));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error(full, null, "cannot read archive page: " + ex.Message));
            return new PageRead(relPath, null, null, null, diagnostics);
        }
        var hash = SHA256.HashData(bytes);
        if (cache is not null && cache.TryGet(relPath, Convert.ToHexStringLower(hash), out var cachedPaper, out var cachedDay))
        {
            return new PageRead(relPath, cachedPaper, cachedDay, hash, diagnostics);
        }
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Add(Diagnostic.Error(full, null, "archive page is not valid UTF-8"));
            return new PageRead(relPath, null, null, hash, diagnostics);
        }
        if (relPath.StartsWith(ArchiveLayout.PapersDir + "/", StringComparison.Ordinal))
        {
            return new PageRead(relPath, PaperPage.Parse(text, full, diagnostics), null, hash, diagnostics);
        }
        return new PageRead(relPath, null, DayPage.Parse(text, full, diagnostics), hash, diagnostics);
    }

    private sealed record PageRead(string Path, Paper? Paper, DayListing? Day, byte[]? Hash, List<Diagnostic> Diagnostics);
}
