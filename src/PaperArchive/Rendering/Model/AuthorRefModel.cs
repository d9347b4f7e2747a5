namespace PaperArchive.Rendering.Model;

/// <summary>An author on a paper: <see cref="Url"/> is the author page, <see cref="HfUrl"/> the claimed Hugging Face profile.</summary>
public sealed record AuthorRefModel(string Name, string Url, string? HfUrl);
