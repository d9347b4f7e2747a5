using System.Globalization;
using PaperArchive.Model;

namespace PaperArchive.Rendering.Model;

/// <summary>
/// A paper's upvote snapshots (two or more) as a line for an inline SVG (no script): <see cref="Points"/>
/// in SVG user units (<see cref="Width"/> × <see cref="Height"/>, y down; x by date, y from 0 to
/// <see cref="Max"/>), and <see cref="Line"/> ready for <c>&lt;polyline points="…"&gt;</c>.
/// </summary>
public sealed record UpvoteHistoryModel(int Width, int Height, int Max, int Gain, string Line, HistoryPointModel[] Points)
{
    public const int DefaultWidth = 240;
    public const int DefaultHeight = 64;
    private const double Pad = 5;

    /// <summary>Null unless at least two snapshots carry an upvote count.</summary>
    public static UpvoteHistoryModel? From(IEnumerable<CountSnapshot> snapshots, Func<DateOnly, DateModel> date, int width = DefaultWidth, int height = DefaultHeight)
    {
        var points = snapshots.Where(s => s.Upvotes is not null).OrderBy(s => s.Date).ToList();
        if (points.Count < 2)
        {
            return null;
        }
        var first = points[0].Date.DayNumber;
        var span = Math.Max(1, points[^1].Date.DayNumber - first);
        var max = Math.Max(1, points.Max(p => p.Upvotes!.Value));
        var models = points.Select(p =>
        {
            var x = Pad + (width - 2 * Pad) * (p.Date.DayNumber - first) / span;
            var y = height - Pad - (height - 2 * Pad) * p.Upvotes!.Value / max;
            return new HistoryPointModel(date(p.Date), p.Upvotes!.Value, Format(x), Format(y));
        }).ToArray();
        return new UpvoteHistoryModel(width, height, max, points[^1].Upvotes!.Value - points[0].Upvotes!.Value,
            string.Join(" ", models.Select(m => m.X + "," + m.Y)), models);
    }

    private static string Format(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
