namespace PaperArchive.Rendering.Model;

/// <summary>A keyword; <see cref="Url"/> is its keyword page when it has one, else null.</summary>
public sealed record KeywordModel(string Name, string? Url);
