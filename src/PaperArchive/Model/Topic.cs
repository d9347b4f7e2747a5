namespace PaperArchive.Model;

/// <summary>A topic rule from <c>input/topics.yml</c>: a Lucene query over the paper fields.</summary>
public sealed record Topic(string Slug, string Title, string Description, string Query)
{
    /// <summary>The rules file this topic came from, for diagnostics (null when built in code).</summary>
    public string? SourceFile { get; init; }

    /// <summary>1-based line of the topic in <see cref="SourceFile"/>, for diagnostics.</summary>
    public int? SourceLine { get; init; }
}
