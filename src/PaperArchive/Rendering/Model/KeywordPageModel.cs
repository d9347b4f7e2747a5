namespace PaperArchive.Rendering.Model;

/// <summary>Template model <c>keyword</c> on keyword pages: the normalised keyword as shown, its page and how many papers carry it.</summary>
public sealed record KeywordPageModel(string Name, string Url, int PaperCount);
