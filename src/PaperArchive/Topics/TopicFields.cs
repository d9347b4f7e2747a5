namespace PaperArchive.Topics;

/// <summary>
/// The paper fields a topic query (in <c>topics.yml</c>) may name. Terms without a field search
/// <see cref="Title"/>, <see cref="Abstract"/> and <see cref="Keywords"/> together.
/// Field names are matched case-insensitively; any other name is an error, not an empty result.
/// </summary>
public static class TopicFields
{
    /// <summary>The paper title (English analysis: lower-cased, stop words removed, Porter-stemmed; wildcards match the words as written).</summary>
    public const string Title = "title";

    /// <summary>The abstract (English analysis).</summary>
    public const string Abstract = "abstract";

    /// <summary>The source's AI keywords plus their acronym expansions (English analysis).</summary>
    public const string Keywords = "keywords";

    /// <summary>Author names (lower-cased, accents folded, not stemmed).</summary>
    public const string Authors = "authors";

    /// <summary>Organisation display name and handle (lower-cased, accents folded, not stemmed).</summary>
    public const string Organization = "organization";

    /// <summary>Every field a query may name, in documentation order.</summary>
    public static IReadOnlyList<string> All { get; } = [Title, Abstract, Keywords, Authors, Organization];

    /// <summary>The fields an unqualified term searches.</summary>
    public static IReadOnlyList<string> Default { get; } = [Title, Abstract, Keywords];

    /// <summary>Numeric doc value: the paper's position in the id-sorted paper list.</summary>
    internal const string Ordinal = "ord";
}
