using PaperArchive.Common;

namespace PaperArchive.Rendering;

/// <summary>A theme problem (missing layout, template syntax or runtime error) with the theme file, line and column.</summary>
public sealed class ThemeException(Diagnostic diagnostic) : Exception(diagnostic.ToString())
{
    public Diagnostic Diagnostic { get; } = diagnostic;
}
