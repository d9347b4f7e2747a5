namespace PaperArchive.Rendering.Model;

/// <summary>
/// Papers per month as bars for an inline SVG (no script): <see cref="Bars"/> from the first to the last
/// month with papers, empty months included, in SVG user units (<see cref="Width"/> × <see cref="Height"/>,
/// y down). <see cref="Max"/> is the tallest bar's count.
/// </summary>
public sealed record TopicChartModel(int Width, int Height, int Max, MonthBarModel[] Bars)
{
    public static readonly TopicChartModel Empty = new(0, 0, 0, []);
}
