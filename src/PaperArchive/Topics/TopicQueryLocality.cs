using Lucene.Net.Search;

namespace PaperArchive.Topics;

/// <summary>
/// Whether a parsed topic query's matches are a property of each paper alone, so that a paper's matches
/// can be remembered between builds (<see cref="TopicAnalysisCache"/>) and new papers evaluated in an
/// index of their own. Term, phrase, boolean, wildcard, prefix, regexp and range queries are (a wildcard
/// matches a paper holding any matching term, whatever else is indexed). A fuzzy query is not: Lucene
/// keeps only its 50 closest terms in the whole index, so a new paper can change which papers match.
/// Anything not known to be per paper counts as not.
/// </summary>
internal static class TopicQueryLocality
{
    public static bool IsPerPaper(Query query) =>
        query switch
        {
            BooleanQuery boolean => boolean.Clauses.All(c => IsPerPaper(c.Query)),
            FuzzyQuery => false,
            TermQuery or PhraseQuery or MultiPhraseQuery or MatchAllDocsQuery => true,
            // Constant-score rewrites match every paper holding a matching term (the automatic one switches to a
            // filter before the clause limit); a top-terms rewrite would keep only the index's best terms.
            WildcardQuery or PrefixQuery or RegexpQuery or TermRangeQuery => ((MultiTermQuery)query).MultiTermRewriteMethod is var m
                && (ReferenceEquals(m, MultiTermQuery.CONSTANT_SCORE_AUTO_REWRITE_DEFAULT) || ReferenceEquals(m, MultiTermQuery.CONSTANT_SCORE_FILTER_REWRITE)),
            _ => false,
        };
}
