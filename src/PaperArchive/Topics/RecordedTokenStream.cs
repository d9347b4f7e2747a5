using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace PaperArchive.Topics;

/// <summary>
/// Replays tokens an analyzer already produced (term text and position increment), so a field analysed
/// once for <see cref="PaperTermAnalysis"/> is indexed without analysing it again. The index stores only
/// terms, frequencies and positions of these fields (no offsets, payloads or term vectors), so term and
/// position increment are all that indexing reads: the index is the one the analyzer would have built.
/// One instance per thread and field is reused for every document (<see cref="Replay"/>): creating a
/// stream's attributes per field of 20,000 papers cost more than replaying them. Indexing consumes a
/// field's stream inside <c>AddDocument</c>, so the next document never meets a stream still in use.
/// </summary>
internal sealed class RecordedTokenStream : TokenStream
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private List<(string Term, int Increment)> _tokens = [];
    private int _next;

    public RecordedTokenStream()
    {
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    /// <summary>Points the stream at the next document's tokens.</summary>
    public RecordedTokenStream Replay(List<(string Term, int Increment)> tokens)
    {
        _tokens = tokens;
        _next = 0;
        return this;
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
