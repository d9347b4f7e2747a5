namespace PaperArchive.Model;

/// <summary>A topic rule from <c>input/topics.yml</c>: a Lucene query over the paper fields.</summary>
public sealed record Topic(string Slug, string Title, string Description, string Query);
