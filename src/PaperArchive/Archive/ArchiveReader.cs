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

    /// <summary>
    /// A missing folder is an empty archive. With a <paramref name="cache"/>, pages whose bytes it knows are
    /// not parsed again, and pages whose file signature it knows (<see cref="FileSignature"/>) not even read.
    /// </summary>
    public static ArchiveReadResult Read(string dir, ArchivePageCache? cache = null) => Read(dir, cache, TimeProvider.System);

    /// <param name="clock">Tells which pages' signatures have settled (<see cref="FileSignature.IsSettled"/>) and may be remembered.</param>
    internal static ArchiveReadResult Read(string dir, ArchivePageCache? cache, TimeProvider clock)
    {
        if (!Directory.Exists(dir))
        {
            return new ArchiveReadResult(ArchiveModel.Empty, []) { Digest = ArchiveDigest.Compute([]), Cache = ArchivePageCache.Empty() };
        }
        var files = ArchiveDigest.OwnedFiles(dir).Order(StringComparer.Ordinal).ToArray();
        var pages = new PageRead[files.Length];
        // Opened by absolute path: a relative one is resolved against the working folder (a getcwd call) per page.
        var fullDir = Path.GetFullPath(dir);
        // Taken before any page's signature: a page changed after this moment shows a later status-change time.
        var now = clock.GetUtcNow();
        Parallel.For(0, files.Length, i => pages[i] = ReadPage(dir, fullDir, files[i], cache, now));

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
            Cache = (cache ?? ArchivePageCache.Empty()).With(pages.Where(p => p.Entry is not null && p.Diagnostics.Count == 0 && !unreadable.Contains(p.Path))
                .Select(p => (p.Path, p.Entry!))),
        };
    }

    private static PageRead ReadPage(string dir, string fullDir, string relPath, ArchivePageCache? cache, DateTimeOffset now)
    {
        var full = Path.Combine(dir, relPath);
        var absolute = Path.Combine(fullDir, relPath);
        var diagnostics = new List<Diagnostic>();
        var known = cache?.Find(relPath);
        // Before reading: a change after the signature was taken then shows as another signature next time.
        var signed = FileSignature.TryGet(absolute, out var signature);
        if (signed && known is { Signature: { } was } && was == signature)
        {
            // The very file whose bytes were hashed and parsed: neither read nor hashed again.
            return new PageRead(relPath, known.Paper, known.Day, known.Sha256, diagnostics, known);
        }
        FileSignature? settled = signed && signature.IsSettled(now) ? signature : null;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(absolute);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error(full, null, "cannot read archive page: " + ex.Message));
            return new PageRead(relPath, null, null, null, diagnostics, null);
        }
        var hash = SHA256.HashData(bytes);
        if (known is not null && known.Sha256.AsSpan().SequenceEqual(hash))
        {
            var entry = known.Signature == settled ? known : known with { Signature = settled };
            return new PageRead(relPath, known.Paper, known.Day, hash, diagnostics, entry);
        }
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Add(Diagnostic.Error(full, null, "archive page is not valid UTF-8"));
            return new PageRead(relPath, null, null, hash, diagnostics, null);
        }
        Paper? paper = null;
        DayListing? day = null;
        if (relPath.StartsWith(ArchiveLayout.PapersDir + "/", StringComparison.Ordinal))
        {
            paper = PaperPage.Parse(text, full, diagnostics);
        }
        else
        {
            day = DayPage.Parse(text, full, diagnostics);
        }
        var parsed = paper is not null || day is not null ? new ArchivePageCache.Entry(hash, settled, paper, day) : null;
        return new PageRead(relPath, paper, day, hash, diagnostics, parsed);
    }

    /// <param name="Entry">What the page cache remembers for the page next time (null when it could not be read or parsed).</param>
    private sealed record PageRead(string Path, Paper? Paper, DayListing? Day, byte[]? Hash, List<Diagnostic> Diagnostics, ArchivePageCache.Entry? Entry);
}
