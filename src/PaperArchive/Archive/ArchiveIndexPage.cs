using System.Globalization;
using System.Text;
using PaperArchive.Model;

namespace PaperArchive.Archive;

/// <summary>
/// The archive's README.md: what the folder is, how it is laid out, and every listing day grouped by
/// month with paper counts. Generated from the model only (no clock), so it is byte-stable.
/// </summary>
internal static class ArchiveIndexPage
{
    public static string Render(ArchiveModel archive)
    {
        var b = new StringBuilder(4096 + archive.Days.Count * 64);
        b.Append("# Paper archive\n\n");
        b.Append("Written by `paperarchive import` from the raw listings in `input/`. ")
            .Append(PaperPage.Plural(archive.Papers.Count, "paper")).Append(" on ")
            .Append(PaperPage.Plural(archive.Days.Count, "listing day"));
        if (archive.Days.Count > 0)
        {
            b.Append(" (").Append(PaperPage.Iso(archive.Days[0].Date)).Append(" to ").Append(PaperPage.Iso(archive.Days[^1].Date)).Append(')');
        }
        b.Append(".\n\n");
        var unlisted = archive.Papers.Count(p => p.ListedOn.Count == 0);
        if (unlisted > 0)
        {
            b.Append("Not on any daily listing (known only from copied search listings or paper pages): ")
                .Append(PaperPage.Plural(unlisted, "paper")).Append("; their pages are under `papers/` like all others.\n\n");
        }
        b.Append("""
            ## Layout

            - `papers/<yyyy-mm>/<id>.md`: one page per paper. The YAML front matter holds everything known
              about the paper; the text below it is generated from the front matter for reading. Papers with
              an arXiv id are filed by the year and month in the id (`2406.01234` → `papers/2024-06/`);
              papers known only from a copied page get an id `t-` + 12 hex digits of the hash of their
              normalised title and are filed by the month they were first seen (or `papers/undated/`).
            - `days/<yyyy>/<yyyy-mm-dd>.md`: one page per daily listing: the ids of its papers in listing
              order in the front matter, and the papers with links, authors, counts and abstracts below.
            - `README.md`: this index. `.import-state.json`: what the last import read (lets an unchanged
              import be skipped).

            Every page is rewritten by the next import, so edit the front matter, not the text below it.
            A paper once archived is never removed by an import.

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        b.Append("\n## Listing days\n");
        foreach (var year in archive.Days.GroupBy(d => d.Date.Year).OrderByDescending(g => g.Key))
        {
            b.Append("\n### ").Append(year.Key.ToString("0000", CultureInfo.InvariantCulture)).Append('\n');
            foreach (var month in year.GroupBy(d => d.Date.Month).OrderByDescending(g => g.Key))
            {
                var days = month.OrderBy(d => d.Date).ToList();
                var first = days[0].Date;
                b.Append("\n#### ").Append(first.ToString("MMMM yyyy", CultureInfo.InvariantCulture))
                    .Append(" (").Append(PaperPage.Plural(days.Count, "day")).Append(", ")
                    .Append(PaperPage.Plural(days.Sum(d => d.PaperIds.Count), "paper")).Append(")\n\n");
                foreach (var day in days)
                {
                    b.Append("- [").Append(day.Date.ToString("yyyy-MM-dd, ddd", CultureInfo.InvariantCulture)).Append("](")
                        .Append(ArchiveLayout.DayPath(day.Date)).Append("): ")
                        .Append(PaperPage.Plural(day.PaperIds.Count, "paper")).Append('\n');
                }
            }
        }
        return b.ToString();
    }
}
