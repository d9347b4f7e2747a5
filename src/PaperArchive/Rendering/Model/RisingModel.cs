namespace PaperArchive.Rendering.Model;

/// <summary>A paper whose upvotes grew between its two newest snapshots (home page <c>rising</c>): +<see cref="Gain"/> since <see cref="Since"/>.</summary>
public sealed record RisingModel(PaperModel Paper, int Gain, DateModel Since, DateModel Until);
