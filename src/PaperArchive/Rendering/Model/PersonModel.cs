namespace PaperArchive.Rendering.Model;

/// <summary>Template model <c>author</c> (author pages) and <c>organization</c> (organisation pages).</summary>
public sealed record PersonModel(string Name, string Url, string? HfUrl, int PaperCount)
{
    /// <summary>Site path of the author's Atom feed (test <c>exists</c>: only authors with several papers have one); null for organisations.</summary>
    public string? FeedUrl { get; init; }
}
