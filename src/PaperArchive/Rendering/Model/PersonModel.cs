namespace PaperArchive.Rendering.Model;

/// <summary>Template model <c>author</c> (author pages) and <c>organization</c> (organisation pages).</summary>
public sealed record PersonModel(string Name, string Url, string? HfUrl, int PaperCount);
