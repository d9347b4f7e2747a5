using System.Security.Cryptography;
using System.Text;
using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Archive;

/// <summary>
/// Writes the Markdown archive: a page per paper, a page per listing day and the README index
/// (layout in <see cref="ArchiveLayout"/>). Deterministic (LF, UTF-8 without BOM, invariant culture,
/// fixed key order), atomic per file (temp file + rename) and incremental: only files whose bytes
/// change are written. It never deletes a page except to move a paper's page to its new folder, and
/// it never overwrites a page the reader could not read (<see cref="ArchiveReadResult.UnreadableFiles"/>).
/// </summary>
public static class ArchiveWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="existing">The archive as read before this write (from <see cref="ArchiveReader.Read"/>);
    /// tells which pages to leave alone and where papers' pages are now. Without it the folder is scanned
    /// by file name.</param>
    public static ArchiveWriteResult Write(ArchiveModel archive, string dir, ArchiveReadResult? existing = null) =>
        Write(archive, dir, existing, null);

    /// <param name="canonical">Archive-relative pages known to hold exactly what rendering their paper or
    /// day of <paramref name="archive"/> gives (the importer knows which pages its merge left as they were
    /// written by the import before): they are not rendered again, their hashes come from
    /// <paramref name="existing"/>. Only honoured with <paramref name="existing"/>, for pages it hashed.</param>
    internal static ArchiveWriteResult Write(ArchiveModel archive, string dir, ArchiveReadResult? existing, IReadOnlySet<string>? canonical)
    {
        Directory.CreateDirectory(dir);
        // Temp files of a run that was killed mid-write: never pages, but they would be committed with the archive.
        AtomicFile.RemoveLeftovers(dir);
        var diagnostics = new List<Diagnostic>();
        var keep = existing?.UnreadableFiles ?? new HashSet<string>(StringComparer.Ordinal);
        var hashes = new System.Collections.Concurrent.ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        int written = 0, unchanged = 0, moved = 0, kept = 0;

        var currentByFileName = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (existing is null)
        {
            foreach (var rel in ArchiveDigest.OwnedFiles(dir).Where(r => r.StartsWith(ArchiveLayout.PapersDir + "/", StringComparison.Ordinal)))
            {
                var name = Path.GetFileName(rel);
                if (!currentByFileName.TryGetValue(name, out var list))
                {
                    currentByFileName[name] = list = [];
                }
                list.Add(rel);
            }
        }

        var papers = new Dictionary<string, Paper>(StringComparer.Ordinal);
        var targets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var toWrite = new List<Paper>(archive.Papers.Count);
        foreach (var paper in archive.Papers.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            var target = ArchiveLayout.PaperPath(paper);
            if (!papers.TryAdd(paper.Id, paper))
            {
                diagnostics.Add(Diagnostic.Error(Path.Combine(dir, target), null, $"paper {paper.Id} twice in the model; wrote the first"));
                continue;
            }
            // Two ids that map to one file name (or differ only in case, which some file systems fold)
            // must not overwrite each other; the first in id order keeps the page.
            if (!targets.TryAdd(ArchiveLayout.PaperFileName(paper.Id), paper.Id))
            {
                diagnostics.Add(Diagnostic.Error(Path.Combine(dir, target), null,
                    $"papers {targets[ArchiveLayout.PaperFileName(paper.Id)]} and {paper.Id} need the same file name; {paper.Id} was not written"));
                continue;
            }
            toWrite.Add(paper);
        }

        Parallel.ForEach(toWrite, paper =>
        {
            var target = ArchiveLayout.PaperPath(paper);
            if (keep.Contains(target))
            {
                Interlocked.Increment(ref kept);
                return;
            }
            var oldPaths = existing is not null
                ? existing.PaperFiles.TryGetValue(paper.Id, out var p) ? [p] : []
                : currentByFileName.GetValueOrDefault(ArchiveLayout.PaperFileName(paper.Id)) ?? [];
            if (oldPaths is [var only] && only == target && IsCanonical(target, existing, canonical, hashes))
            {
                Interlocked.Increment(ref unchanged);
                return;
            }
            var full = Path.Combine(dir, target);
            foreach (var old in oldPaths)
            {
                if (old != target && !keep.Contains(old))
                {
                    // Rename first, rewrite after: a run killed in between leaves one whole page in the new
                    // place. Writing the new page before deleting the old one could leave both, which the
                    // reader must refuse as a duplicate (and a person would have to clean up).
                    if (!File.Exists(full))
                    {
                        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                        File.Move(Path.Combine(dir, old), full);
                    }
                    else
                    {
                        File.Delete(Path.Combine(dir, old));
                    }
                    Interlocked.Increment(ref moved);
                }
            }
            var result = WriteFile(dir, target, PaperPage.Render(paper), hashes, existing);
            Interlocked.Increment(ref result ? ref written : ref unchanged);
        });

        var days = archive.Days.OrderBy(d => d.Date).ToList();
        for (var i = 0; i < days.Count; i++)
        {
            var target = ArchiveLayout.DayPath(days[i].Date);
            if (keep.Contains(target))
            {
                kept++;
                continue;
            }
            if (IsCanonical(target, existing, canonical, hashes))
            {
                unchanged++;
                continue;
            }
            var text = DayPage.Render(days[i], papers, i > 0 ? days[i - 1].Date : null, i + 1 < days.Count ? days[i + 1].Date : null);
            if (WriteFile(dir, target, text, hashes, existing))
            {
                written++;
            }
            else
            {
                unchanged++;
            }
        }

        if (WriteFile(dir, ArchiveLayout.Index, ArchiveIndexPage.Render(archive), null, null))
        {
            written++;
        }
        else
        {
            unchanged++;
        }

        // Pages this write did not produce (unreadable ones, stale ones) still count for the digest.
        foreach (var rel in ArchiveDigest.OwnedFiles(dir))
        {
            if (!hashes.ContainsKey(rel))
            {
                try
                {
                    hashes[rel] = SHA256.HashData(File.ReadAllBytes(Path.Combine(dir, rel)));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    hashes[rel] = [];
                }
            }
        }
        return new ArchiveWriteResult(written, unchanged, moved, kept, ArchiveDigest.Compute(hashes), diagnostics);
    }

    /// <summary>A page the caller vouches for and the reader hashed: its hash is recorded, nothing is rendered.</summary>
    private static bool IsCanonical(string relPath, ArchiveReadResult? existing, IReadOnlySet<string>? canonical,
        System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> hashes)
    {
        if (canonical is null || existing is null || !canonical.Contains(relPath) || !existing.FileHashes.TryGetValue(relPath, out var hash))
        {
            return false;
        }
        hashes.TryAdd(relPath, hash);
        return true;
    }

    /// <summary>Writes when the bytes differ; records the hash of what is now on disk.</summary>
    private static bool WriteFile(string dir, string relPath, string text,
        System.Collections.Concurrent.ConcurrentDictionary<string, byte[]>? hashes, ArchiveReadResult? existing)
    {
        var bytes = Utf8NoBom.GetBytes(text);
        var hash = SHA256.HashData(bytes);
        hashes?.TryAdd(relPath, hash);
        var full = Path.Combine(dir, relPath);
        if (existing is not null && existing.FileHashes.TryGetValue(relPath, out var before) && before.AsSpan().SequenceEqual(hash) && File.Exists(full))
        {
            // The reader just hashed this page: no need to read it again.
            return false;
        }
        if (File.Exists(full))
        {
            var current = File.ReadAllBytes(full);
            if (current.AsSpan().SequenceEqual(bytes))
            {
                return false;
            }
        }
        AtomicFile.WriteAllBytes(full, bytes);
        return true;
    }
}
