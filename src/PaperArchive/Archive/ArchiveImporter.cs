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
/// inputs nor the archive changed since the last import (<see cref="ImportReport.Skipped"/>), and
/// reads and merges only the listings that changed when the archive is as the last import left it
/// (<see cref="ImportIndex"/>; same bytes as reading everything).
/// Bad data never throws: every problem is a diagnostic naming the file, and everything good is written.
/// </summary>
public static class ArchiveImporter
{
    public const string ListingsFolder = "listings";

    public static ImportReport Import(ImportOptions options) => Import(options, ListingReader.Read, PaperMerger.Merge, incremental: true);

    /// <summary>The folder listings are read from: <c>input/listings/</c> when it exists, else <c>input/</c>.</summary>
    public static string ListingsDir(string inputDir)
    {
        var listings = Path.Combine(inputDir, ListingsFolder);
        return Directory.Exists(listings) ? listings : inputDir;
    }

    /// <summary>
    /// The pipeline with its two collaborators passed in, so tests can run it with fakes.
    /// <paramref name="incremental"/>: whether an import may merge only what changed (<see cref="ImportIndex"/>);
    /// that shortcut is exact for <see cref="PaperMerger"/>'s rules only, so fakes run without it.
    /// </summary>
    internal static ImportReport Import(
        ImportOptions options,
        Func<string, ListingReadResult> read,
        Func<ArchiveModel, IEnumerable<ListingReadResult>, MergeResult> merge,
        bool incremental = false)
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

        if (incremental && !options.Force && ImportIndex.Load(options.ArchiveDir) is { } index && state is not null
            && !existing.HasErrors && existing.Digest == state.ArchiveDigest && index.Describes(state)
            && !index.OtherErrors
            && ImportChanges(options, listingsDir, files, inputs, existing, index, read, merge, clock) is { } quick)
        {
            return quick;
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
        var listingDiagnostics = diagnostics.Count;
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
        var entries = incremental ? inputs.Select((input, i) => ImportIndex.Describe(input, files[i], results[i])).ToList() : null;
        return WriteAndRecord(options, archive, merged, existing, null, diagnostics, listingDiagnostics, inputs, entries, files.Count, files.Count, clock);
    }

    /// <summary>
    /// The import when only some listings are new, changed or gone since the import recorded in
    /// <paramref name="index"/>, which wrote the archive exactly as it is now. <see cref="PaperMerger"/>
    /// starts from the archive and folds in every observation of every listing; for a paper no changed
    /// listing names (now or before) that gives back the archived record itself (the archive already holds
    /// what those same observations gave, and folding them in again changes nothing), and days gain papers
    /// only from changed listings. So only the papers that changed listings name are merged again — with
    /// every observation of them, from the changed listings and from the old ones the index says name
    /// them — and everything else is kept as read, its pages not even rendered (they are what rendering
    /// gives: the last import wrote them). Null, to read everything, when this does not hold or would not
    /// pay: papers known only by title (which join records by title across all listings), a new day that
    /// an old non-daily listing names, most listings changed.
    /// </summary>
    private static ImportReport? ImportChanges(
        ImportOptions options,
        string listingsDir,
        IReadOnlyList<string> files,
        IReadOnlyList<ImportState.Input> inputs,
        ArchiveReadResult existing,
        ImportIndex index,
        Func<string, ListingReadResult> read,
        Func<ArchiveModel, IEnumerable<ListingReadResult>, MergeResult> merge,
        Stopwatch clock)
    {
        var before = index.Listings.ToDictionary(l => l.Path, StringComparer.Ordinal);
        var unchanged = new ImportIndex.Listing?[files.Count];
        var changed = new List<int>();
        var affected = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            if (before.Remove(inputs[i].Path, out var was) && was.Sha256 == inputs[i].Sha256 && inputs[i].Sha256.Length > 0)
            {
                unchanged[i] = was;
                continue;
            }
            changed.Add(i);
            // What a changed listing used to say is no longer said: its papers are merged again without it.
            affected.UnionWith(was?.Ids ?? []);
        }
        foreach (var gone in before.Values)
        {
            affected.UnionWith(gone.Ids);
        }
        var limit = files.Count / 4 + 1;
        if (changed.Count > limit
            || unchanged.Any(e => e is { HasTitleIds: true })
            || affected.Any(ImportIndex.IsTitleId)
            || existing.Archive.Papers.Any(p => ImportIndex.IsTitleId(p.Id)))
        {
            return null;
        }

        options.Progress?.Report((0, files.Count));
        var fresh = new ListingReadResult[changed.Count];
        Parallel.For(0, changed.Count, k => fresh[k] = SafeRead(read, files[changed[k]]));
        var knownDays = existing.Archive.Days.Select(d => d.Date).ToHashSet();
        var newDays = new HashSet<DateOnly>();
        foreach (var r in fresh)
        {
            foreach (var o in r.Observations)
            {
                if (o?.Paper?.Id is not { } id)
                {
                    continue;
                }
                if (ImportIndex.IsTitleId(id))
                {
                    return null;
                }
                affected.Add(id);
                if (r.IsDailyListing)
                {
                    newDays.UnionWith(o.Paper.ListedOn.Count > 0 ? o.Paper.ListedOn : r.ListingDate is { } d ? [d] : []);
                }
            }
        }
        newDays.ExceptWith(knownDays);
        // A copied search listing adds its papers to days that exist; to a day that exists only from now, too.
        if (newDays.Count > 0 && unchanged.Any(e => e is { Daily: false, Dates: { } dates } && dates.Any(newDays.Contains)))
        {
            return null;
        }

        // Old listings that name a paper merged again: read again, keeping just those papers' observations.
        var related = Enumerable.Range(0, files.Count).Where(i => unchanged[i] is { } e && e.Ids.Any(affected.Contains)).ToList();
        if (related.Count > limit)
        {
            return null;
        }
        var again = new ListingReadResult[related.Count];
        Parallel.For(0, related.Count, k =>
        {
            var r = SafeRead(read, files[related[k]]);
            again[k] = r with { Observations = r.Observations.Where(o => o?.Paper?.Id is { } id && affected.Contains(id)).ToList() };
        });

        var diagnostics = new List<Diagnostic>();
        var freshByInput = new Dictionary<int, ListingReadResult>();
        for (var k = 0; k < changed.Count; k++)
        {
            freshByInput[changed[k]] = fresh[k];
        }
        for (var i = 0; i < files.Count; i++)
        {
            diagnostics.AddRange(unchanged[i] is { } e ? e.Restore(listingsDir) : freshByInput[i].Diagnostics);
        }
        var listingDiagnostics = diagnostics.Count;
        diagnostics.AddRange(existing.Diagnostics);

        var old = existing.Archive;
        MergeResult merged;
        try
        {
            merged = merge(new ArchiveModel(old.Papers.Where(p => affected.Contains(p.Id)).ToValueList(), old.Days), fresh.Concat(again));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            diagnostics.Add(Diagnostic.Error(options.InputDir, null, "merging the listings failed, archive left unchanged: " + ex.Message));
            return Report(existing.Archive, files.Count, 0, 0, skipped: false, diagnostics, 0, clock.Elapsed);
        }
        if (merged.Archive.Papers.Any(p => !affected.Contains(p.Id)))
        {
            // Not the case the reasoning above covers (a merge that renames records): read everything.
            return null;
        }
        diagnostics.AddRange(merged.Diagnostics);

        var update = ArchiveText.Sanitize(merged.Archive);
        if (update.Papers.Any(p => !affected.Contains(p.Id)))
        {
            // An id that changed when made storable (a lone surrogate): read everything.
            return null;
        }
        var oldById = new Dictionary<string, Paper>(old.Papers.Count, StringComparer.Ordinal);
        foreach (var p in old.Papers)
        {
            oldById[p.Id] = p;
        }
        var changedPapers = update.Papers.Where(p => !(oldById.TryGetValue(p.Id, out var was) && was.Equals(p))).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var archive = new ArchiveModel(
            old.Papers.Where(p => !affected.Contains(p.Id)).Concat(update.Papers).OrderBy(p => p.Id, StringComparer.Ordinal).ToValueList(),
            update.Days);

        // Pages that stay what the last import wrote: papers whose record is the same, days whose listing,
        // papers and neighbours (the page links the previous and next day) are the same.
        var canonical = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in archive.Papers)
        {
            if (!changedPapers.Contains(p.Id) && existing.PaperFiles.TryGetValue(p.Id, out var path))
            {
                canonical.Add(path);
            }
        }
        var oldDays = old.Days.OrderBy(d => d.Date).ToList();
        var oldPlace = new Dictionary<DateOnly, (DayListing Day, DateOnly? Previous, DateOnly? Next)>();
        for (var i = 0; i < oldDays.Count; i++)
        {
            oldPlace[oldDays[i].Date] = (oldDays[i], i > 0 ? oldDays[i - 1].Date : null, i + 1 < oldDays.Count ? oldDays[i + 1].Date : null);
        }
        var days = archive.Days.OrderBy(d => d.Date).ToList();
        for (var i = 0; i < days.Count; i++)
        {
            if (oldPlace.TryGetValue(days[i].Date, out var was)
                && was.Day.Equals(days[i])
                && was.Previous == (i > 0 ? days[i - 1].Date : null)
                && was.Next == (i + 1 < days.Count ? days[i + 1].Date : null)
                && !days[i].PaperIds.Any(changedPapers.Contains))
            {
                canonical.Add(ArchiveLayout.DayPath(days[i].Date));
            }
        }

        var entries = inputs.Select((input, i) => unchanged[i] ?? ImportIndex.Describe(input, files[i], freshByInput[i])).ToList();
        return WriteAndRecord(options, archive, merged, existing, canonical, diagnostics, listingDiagnostics, inputs, entries,
            files.Count, changed.Count + related.Count, clock);
    }

    /// <summary>Writes the archive, then records what this import read and wrote for the next one.</summary>
    private static ImportReport WriteAndRecord(
        ImportOptions options,
        ArchiveModel archive,
        MergeResult merged,
        ArchiveReadResult existing,
        IReadOnlySet<string>? canonical,
        List<Diagnostic> diagnostics,
        int listingDiagnostics,
        IReadOnlyList<ImportState.Input> inputs,
        IReadOnlyList<ImportIndex.Listing>? entries,
        int files,
        int listingsRead,
        Stopwatch clock)
    {
        ArchiveWriteResult written;
        try
        {
            written = ArchiveWriter.Write(archive, options.ArchiveDir, existing, canonical);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error(options.ArchiveDir, null, "cannot write the archive: " + ex.Message));
            ImportIndex.Delete(options.ArchiveDir);
            return Report(archive, files, merged.NewPapers, merged.UpdatedPapers, skipped: false, diagnostics, 0, clock.Elapsed) with { ListingsRead = listingsRead };
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
            if (entries is not null)
            {
                // Errors other than a listing's own (archive pages, the merge, the writer) leave an archive the
                // shortcut cannot reason about: recorded, so the next import reads everything.
                var otherErrors = diagnostics.Skip(listingDiagnostics).Any(d => d.Severity == Severity.Error);
                ImportIndex.Create(written.Digest, otherErrors, entries).Save(options.ArchiveDir);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ImportIndex.Delete(options.ArchiveDir);
            diagnostics.Add(Diagnostic.Warning(Path.Combine(options.ArchiveDir, ArchiveLayout.StateFile), null, "cannot save the import state (the next import will not be skipped): " + ex.Message));
        }
        return Report(archive, files, merged.NewPapers, merged.UpdatedPapers, skipped: false, diagnostics, written.Written, clock.Elapsed) with
        {
            Cache = existing.Cache,
            ListingsRead = listingsRead,
        };
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
