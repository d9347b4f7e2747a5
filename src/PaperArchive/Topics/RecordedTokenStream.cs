using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace PaperArchive.Topics;

/// <summary>
/// Replays tokens an analyzer already produced (term text and position increment), so a field analysed
/// once for <see cref="PaperTermAnalysis"/> is indexed without analysing it again. The index stores only
/// terms, frequencies and positions of these fields (no offsets, payloads or term vectors), so term and
/// position increment are all that indexing reads: the index is the one the analyzer would have built.
/// </summary>
internal sealed class RecordedTokenStream : TokenStream
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private readonly List<(string Term, int Increment)> _tokens;
    private int _next;

    public RecordedTokenStream(List<(string Term, int Increment)> tokens)
    {
        _tokens = tokens;
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_next >= _tokens.Count)
        {
            return false;
        }
        ClearAttributes();
        var (term, increment) = _tokens[_next++];
        _term.SetEmpty().Append(term);
        _position.PositionIncrement = increment;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _next = 0;
    }
}
