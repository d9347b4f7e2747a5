namespace PaperArchive.Common;

public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// A problem found in the user's data. <paramref name="File"/> is the path as the user gave it;
/// <paramref name="Location"/> says where in it ("item 3", "line 12", "line 4, column 7").
/// Bad data is reported with one of these, never with a stack trace.
/// </summary>
public sealed record Diagnostic(Severity Severity, string File, string? Location, string Message)
{
    public override string ToString() =>
        $"{Severity.ToString().ToLowerInvariant()}: {File}{(Location is null ? "" : $" ({Location})")}: {Message}";

    public static Diagnostic Warning(string file, string? location, string message) => new(Severity.Warning, file, location, message);

    public static Diagnostic Error(string file, string? location, string message) => new(Severity.Error, file, location, message);
}
