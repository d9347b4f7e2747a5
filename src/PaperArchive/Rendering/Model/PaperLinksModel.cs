namespace PaperArchive.Rendering.Model;

/// <summary>External links of a paper; each is an absolute http(s) URL or null.</summary>
public sealed record PaperLinksModel(string? ArxivAbs, string? ArxivPdf, string? Hf, string? Github, string? Project);
