using PaperArchive.Common;

namespace PaperArchive.Serve;

/// <summary>The new theme's folder and how many files were copied, or why nothing was written.</summary>
public sealed record ThemeScaffoldResult(bool Ok, string Path, int Files, Diagnostic? Error)
{
    public static ThemeScaffoldResult Failed(Diagnostic error) => new(false, "", 0, error);
}
