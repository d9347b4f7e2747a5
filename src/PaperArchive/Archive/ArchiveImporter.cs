using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using PaperArchive.Common;
using PaperArchive.Ingest;
using PaperArchive.Model;

namespace PaperArchive.Archive;

/// <summary>
/// Front door of <c>paperarchive import</c>: reads every listing under the input folder (in parallel,
/// results in path order), reads the existing archive, merges both (<see cref="PaperMerger"/>, so a
/// paper once archived is never dropped) and writes the archive. Skips the work when neither the
/// inputs nor the archive changed since the last import (<see cref="ImportReport.Skipped"/>).
/// Bad data never throws: every problem is a diagnostic naming the file, and everything good is written.
/// </summary>
public static class ArchiveImporter
{
    public const string ListingsFolder = "listings";

    public static ImportReport Import(ImportOptions options) => Import(options, ListingReader.Read, PaperMerger.Merge);

    /// <summary>The folder listings are read from: <c>input/listings/</c> when it exists, else <c>input/</c>.</summary>
    public static string ListingsDir(string inputDir)
    {
        var listings = Path.Combine(inputDir, ListingsFolder);
        return Directory.Exists(listings) ? listings : inputDir;
    }

    /// <summary>The pipeline with its two collaborators passed in, so tests can run it with fakes.</summary>
    internal static ImportReport Import(
        ImportOptions options,
        Func<string, ListingReadResult> read,
        Func<ArchiveModel, IEnumerable<ListingReadResult>, MergeResult> merge)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new List<Diagnostic>();
        if (!Directory.Exists(options.InputDir))
        {
            // Nothing to import, and writing an archive from nothing would only confuse: report and stop.
            diagnostics.Add(Diagnostic.Error(options.InputDir, null, "input folder not found"));
            return Report(ArchiveModel.Empty, 0, 0, 0, skipped: false, diagnostics, 0, clock.Elapsed);
        }
        var listingsDir = ListingsDir(options.InputDir);
        IReadOnlyList<string> files;
        IReadOnlyList<ImportState.Input> inputs;
        ArchiveReadResult existing;
        try
        {
            files = ListingReader.FindListings(listingsDir);
            inputs = ImportState.Describe(listingsDir, files);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error(listingsDir, null, "cannot list the input folder: " + ex.Message));
            return Report(ArchiveModel.Empty, 0, 0, 0, skipped: false, diagnostics, 0, clock.Elapsed);
        }
        if (!options.Force && !options.ReadArchiveWhenUpToDate && UpToDateByHashes(options, inputs, files.Count, clock) is { } upToDate)
        {
            return upToDate;
        }
        try
        {
            existing = ArchiveReader.Read(options.ArchiveDir, options.Cache);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Without seeing the whole archive, writing could lose what is in it: stop here.
            diagnostics.Add(Diagnostic.Error(options.ArchiveDir, null, "cannot read the archive, nothing written: " + ex.Message));
            return Report(ArchiveModel.Empty, files.Count, 0, 0, skipped: false, diagnostics, 0, clock.Elapsed);
        }
        var state = ImportState.Load(options.ArchiveDir);
        if (!options.Force && !existing.HasErrors && state is not null && state.Matches(inputs, existing.Digest))
        {
            options.Progress?.Report((files.Count, files.Count));
            return Report(existing.Archive, files.Count, 0, 0, skipped: true, [.. existing.Diagnostics], 0, clock.Elapsed) with { Cache = existing.Cache };
        }

        var results = new ListingReadResult[files.Count];
        var done = 0;
        options.Progress?.Report((0, files.Count));
        // Largest files first, one at a time: the few big HTML pages (each also paying its parser's
        // start-up) then run beside the many small files instead of last, after the other core is done.
        var largestFirst = Enumerable.Range(0, files.Count)
            .OrderByDescending(i => inputs[i].Size)
            .ThenBy(i => i)
            .ToArray();
        Parallel.ForEach(
            Partitioner.Create(largestFirst, EnumerablePartitionerOptions.NoBuffering),
            i =>
            {
                results[i] = SafeRead(read, files[i]);
                options.Progress?.Report((Interlocked.Increment(ref done), files.Count));
            });
        foreach (var r in results)
        {
            diagnostics.AddRange(r.Diagnostics);
        }
        diagnostics.AddRange(existing.Diagnostics);

        MergeResult merged;
        try
        {
            merged = merge(existing.Archive, results);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A merge bug must not cost the user their archive: keep it as it is and say what happened.
            diagnostics.Add(Diagnostic.Error(options.InputDir, null, "merging the listings failed, archive left unchanged: " + ex.Message));
            return Report(existing.Archive, files.Count, 0, 0, skipped: false, diagnostics, 0, clock.Elapsed);
        }
        diagnostics.AddRange(merged.Diagnostics);

        var archive = ArchiveText.Sanitize(merged.Archive);
        ArchiveWriteResult written;
        try
        {
            written = ArchiveWriter.Write(archive, options.ArchiveDir, existing);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error(options.ArchiveDir, null, "cannot write the archive: " + ex.Message));
            return Report(archive, files.Count, merged.NewPapers, merged.UpdatedPapers, skipped: false, diagnostics, 0, clock.Elapsed);
        }
        diagnostics.AddRange(written.Diagnostics);
        foreach (var rel in existing.UnreadableFiles.Order(StringComparer.Ordinal))
        {
            diagnostics.Add(Diagnostic.Error(Path.Combine(options.ArchiveDir, rel), null, "left unchanged because it could not be read; fix it and import again"));
        }

        var hadErrors = diagnostics.Any(d => d.Severity == Severity.Error);
        try
        {
            new ImportState(ArchiveLayout.FormatVersion, inputs, written.Digest, hadErrors).Save(options.ArchiveDir);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Warning(Path.Combine(options.ArchiveDir, ArchiveLayout.StateFile), null, "cannot save the import state (the next import will not be skipped): " + ex.Message));
        }
        return Report(archive, files.Count, merged.NewPapers, merged.UpdatedPapers, skipped: false, diagnostics, written.Written, clock.Elapsed) with { Cache = existing.Cache };
    }

    /// <summary>
    /// The up-to-date check without parsing a page: hashes the archive's pages and compares them and the
    /// inputs with the last import's state. Equal hashes mean every page is one that import wrote or read
    /// without errors (a state with errors never matches), so reading them again would find exactly
    /// <c>papers/</c> pages' papers and <c>days/</c> pages' days. Null when the import must run (or the
    /// archive could not be hashed; the full read then reports why).
    /// </summary>
    private static ImportReport? UpToDateByHashes(ImportOptions options, IReadOnlyList<ImportState.Input> inputs, int fileCount, Stopwatch clock)
    {
        var state = ImportState.Load(options.ArchiveDir);
        if (state is null || state.HadErrors || !Directory.Exists(options.ArchiveDir))
        {
            return null;
        }
        string[] pages;
        byte[][] hashes;
        try
        {
            pages = ArchiveDigest.OwnedFiles(options.ArchiveDir).ToArray();
            hashes = new byte[pages.Length][];
            Parallel.For(0, pages.Length, i => hashes[i] = SHA256.HashData(File.ReadAllBytes(Path.Combine(options.ArchiveDir, pages[i]))));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or AggregateException)
        {
            return null;
        }
        if (!state.Matches(inputs, ArchiveDigest.Compute(pages.Select((p, i) => KeyValuePair.Create(p, hashes[i])))))
        {
            return null;
        }
        options.Progress?.Report((fileCount, fileCount));
        var papers = pages.Count(p => p.StartsWith(ArchiveLayout.PapersDir + "/", StringComparison.Ordinal));
        return new ImportReport(ArchiveModel.Empty, fileCount, pages.Length - papers, papers, 0, 0, Skipped: true, [])
        {
            Elapsed = clock.Elapsed,
        };
    }

    private static ListingReadResult SafeRead(Func<string, ListingReadResult> read, string file)
    {
        try
        {
            return read(file);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Readers must not throw on bad data; if one does, the file is reported and the rest imported.
            return ListingReadResult.Unreadable(file, "could not be read (" + ex.GetType().Name + ": " + ex.Message + ")");
        }
    }

    private static ImportReport Report(ArchiveModel archive, int files, int newPapers, int updatedPapers, bool skipped,
        List<Diagnostic> diagnostics, int filesWritten, TimeSpan elapsed) =>
        new(archive, files, archive.Days.Count, archive.Papers.Count, newPapers, updatedPapers, skipped, diagnostics)
        {
            FilesWritten = filesWritten,
            Elapsed = elapsed,
        };
}
