namespace PaperArchive.Rendering.Model;

/// <summary>A labelled link. <see cref="Url"/> is site-relative (pass it through <c>rel</c>) or an absolute http(s) URL.</summary>
public sealed record LinkModel(string Title, string Url);
