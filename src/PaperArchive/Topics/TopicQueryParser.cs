using Lucene.Net.Analysis;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace PaperArchive.Topics;

/// <summary>
/// Lucene's classic query syntax over <see cref="TopicFields"/>: unqualified terms search title,
/// abstract and keywords; field names are checked (an unknown one is an error, where plain Lucene
/// would silently search an empty field). Wildcard, prefix, fuzzy and regexp terms are lower-cased
/// and match the words as written (the index keeps them beside the stems).
/// </summary>
internal sealed class TopicQueryParser : MultiFieldQueryParser
{
    private static readonly Dictionary<string, string> KnownFields =
        TopicFields.All.ToDictionary(f => f, f => f, StringComparer.OrdinalIgnoreCase);

    private readonly List<string> _unknownFields = [];

    private TopicQueryParser(Analyzer analyzer)
        : base(TopicTextAnalysis.Version, [.. TopicFields.Default], analyzer)
    {
        DefaultOperator = OR_OPERATOR;
        LowercaseExpandedTerms = true;
        AllowLeadingWildcard = true; // "*bench" finds MMBench; the index is small enough for a term scan
        AutoGeneratePhraseQueries = true;
    }

    /// <summary>
    /// Parses <paramref name="query"/>; on failure returns null and the reason (the parser's own
    /// message, or the unknown field names). Not thread-safe: one parser per call.
    /// </summary>
    public static (Query? Query, string? Error) Parse(string query, Analyzer analyzer)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return (null, "the query is empty");
        }
        var parser = new TopicQueryParser(analyzer);
        Query parsed;
        try
        {
            parsed = parser.Parse(query);
        }
        catch (ParseException ex)
        {
            return (null, OneLine(ex.Message));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            // Lucene.Net reports some malformed input (e.g. a bad regexp) with other exception types.
            return (null, OneLine(ex.Message));
        }
        if (parser._unknownFields.Count > 0)
        {
            var names = string.Join(", ", parser._unknownFields.Distinct(StringComparer.Ordinal).Select(f => "'" + f + "'"));
            return (null, $"unknown field {names} in the query; allowed fields are {string.Join(", ", TopicFields.All)}");
        }
        if (parsed is BooleanQuery { Clauses.Count: 0 })
        {
            return (null, "the query has no searchable terms (only stop words or punctuation?)");
        }
        return (parsed, null);
    }

    private static string OneLine(string message) =>
        string.Join(" ", message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>Maps a field the user wrote to its index name; null (= the default fields) stays null.</summary>
    private string Resolve(string field)
    {
        if (field is null)
        {
            return null!;
        }
        if (KnownFields.TryGetValue(field, out var known))
        {
            return known;
        }
        _unknownFields.Add(field);
        return TopicFields.Title; // keep parsing to collect every unknown field; the result is discarded
    }

    protected override Query GetFieldQuery(string field, string queryText, bool quoted) =>
        base.GetFieldQuery(Resolve(field), queryText, quoted);

    protected override Query GetFieldQuery(string field, string queryText, int slop) =>
        base.GetFieldQuery(Resolve(field), queryText, slop);

    protected override Query GetWildcardQuery(string field, string termStr) =>
        base.GetWildcardQuery(Resolve(field), Surface(field, termStr));

    protected override Query GetPrefixQuery(string field, string termStr) =>
        base.GetPrefixQuery(Resolve(field), Surface(field, termStr));

    protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity) =>
        base.GetFuzzyQuery(Resolve(field), Surface(field, termStr), minSimilarity);

    protected override Query GetRegexpQuery(string field, string termStr) =>
        base.GetRegexpQuery(Resolve(field), Surface(field, termStr));

    protected override Query GetRangeQuery(string field, string part1, string part2, bool startInclusive, bool endInclusive) =>
        base.GetRangeQuery(Resolve(field), Surface(field, part1), Surface(field, part2), startInclusive, endInclusive);

    /// <summary>
    /// Unanalysed terms on an English field are looked up among the words as written, which the index
    /// marks (see <see cref="SurfaceMarkFilter"/>). A null field is the multi-field expansion, which
    /// comes back here once per default field.
    /// </summary>
    private static string Surface(string field, string term) =>
        field is not null && term is not null && MarkedFields.Contains(field) ? SurfaceMarkFilter.Mark + term : term!;

    private static readonly HashSet<string> MarkedFields =
        new(StringComparer.OrdinalIgnoreCase) { TopicFields.Title, TopicFields.Abstract, TopicFields.Keywords };
}
