using System.Globalization;
using PaperArchive.Common;
using PaperArchive.Ingest;
using PaperArchive.Model;

namespace PaperArchive.Tests.Archive;

/// <summary>
/// Test-only stand-ins for the importers and the merger, so the import orchestration can be tested
/// on its own. A fake listing is "date: yyyy-mm-dd" then one "id|title|upvotes" line per paper;
/// "THROW" makes the reader throw, "BAD" makes it report the file unreadable.
/// </summary>
internal static class FakePipeline
{
    public static ListingReadResult Read(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length > 0 && lines[0] == "THROW")
        {
            throw new InvalidOperationException("reader bug");
        }
        if (lines.Length == 0 || lines[0] == "BAD")
        {
            return ListingReadResult.Unreadable(path, "not a listing");
        }
        var date = DateOnly.ParseExact(lines[0]["date: ".Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var observations = new List<Observation>();
        var diagnostics = new List<Diagnostic>();
        for (var i = 1; i < lines.Length; i++)
        {
            var parts = lines[i].Split('|');
            if (parts.Length != 3)
            {
                diagnostics.Add(Diagnostic.Warning(path, "line " + (i + 1).ToString(CultureInfo.InvariantCulture), "expected id|title|upvotes"));
                continue;
            }
            var paper = new Paper
            {
                Id = parts[0],
                ArxivId = parts[0],
                Title = parts[1],
                ListedOn = ValueList.Of(date),
                Snapshots = ValueList.Of(new CountSnapshot(date, int.Parse(parts[2], CultureInfo.InvariantCulture), null)),
            };
            observations.Add(new Observation(paper, SourceKind.ApiJson, path, "line " + (i + 1).ToString(CultureInfo.InvariantCulture)));
        }
        return new ListingReadResult(path, SourceKind.ApiJson, date, true, observations, diagnostics);
    }

    /// <summary>Union by id (days and snapshots accumulate, newest title wins); days from daily listings.</summary>
    public static MergeResult Merge(ArchiveModel existing, IEnumerable<ListingReadResult> results)
    {
        var papers = existing.Papers.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var days = existing.Days.ToDictionary(d => d.Date);
        int added = 0, updated = 0;
        foreach (var r in results.Where(r => !r.Failed || r.Observations.Count > 0))
        {
            foreach (var o in r.Observations)
            {
                if (papers.TryGetValue(o.Paper.Id, out var old))
                {
                    var merged = old with
                    {
                        Title = o.Paper.Title,
                        ListedOn = old.ListedOn.Concat(o.Paper.ListedOn).Distinct().Order().ToValueList(),
                        Snapshots = o.Paper.Snapshots.Concat(old.Snapshots).DistinctBy(s => s.Date).OrderBy(s => s.Date).ToValueList(),
                    };
                    if (merged != old)
                    {
                        updated++;
                    }
                    papers[o.Paper.Id] = merged;
                }
                else
                {
                    papers[o.Paper.Id] = o.Paper;
                    added++;
                }
            }
            if (r.IsDailyListing && r.ListingDate is { } date)
            {
                days[date] = new DayListing(date, r.Observations.Select(o => o.Paper.Id).ToValueList());
            }
        }
        var model = new ArchiveModel(
            papers.Values.OrderBy(p => p.Id, StringComparer.Ordinal).ToValueList(),
            days.Values.OrderBy(d => d.Date).ToValueList());
        return new MergeResult(model, added, updated, []);
    }
}
