namespace PaperArchive.Rendering.Model;

/// <summary>One day's papers (top <see cref="Papers"/> of <see cref="Total"/>), for the home page.</summary>
public sealed record DayGroupModel(DateModel Date, PaperModel[] Papers, int Total);
