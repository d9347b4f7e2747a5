namespace PaperArchive.Build;

/// <summary>A progress report: the step running and, for steps that count, how far it is.</summary>
public sealed record BuildProgress(string Step, int Done, int Total);
