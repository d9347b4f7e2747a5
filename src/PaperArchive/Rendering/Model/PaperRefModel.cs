namespace PaperArchive.Rendering.Model;

/// <summary>A short reference to another paper (similar papers), without its own references.</summary>
public sealed record PaperRefModel(string Id, string Title, string Url, int? Upvotes);
