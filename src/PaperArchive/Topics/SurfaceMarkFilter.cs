using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace PaperArchive.Topics;

/// <summary>
/// Placed before the stemmer: emits every word twice at one position, first as written and prefixed
/// with <see cref="Mark"/> (flagged as a keyword so the stemmer leaves it alone), then plain for the
/// stemmer. The index thus holds "=quantization" (the word as written, for wildcards) beside
/// "quantiz" (the stem, for terms, phrases and similarity), and the two never mix.
/// <para>This is what <c>KeywordRepeatFilter</c> followed by a marking filter produced, without its
/// per-word <c>CaptureState</c>: cloning every attribute of every word was the largest single cost
/// of indexing 20,000 papers. Only the word's characters are saved; the other attributes (offsets,
/// type) are untouched between the two emissions, so they need no saving.</para>
/// </summary>
internal sealed class SurfaceMarkFilter : TokenFilter
{
    public const char Mark = '=';

    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;
    private readonly IPositionIncrementAttribute _position;
    private char[] _saved = new char[32];
    private int _savedLength = -1;

    public SurfaceMarkFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_savedLength >= 0)
        {
            // Second emission: the word as it came in, at the same position, for the stemmer.
            _term.CopyBuffer(_saved, 0, _savedLength);
            _keyword.IsKeyword = false;
            _position.PositionIncrement = 0;
            _savedLength = -1;
            return true;
        }
        if (!m_input.IncrementToken())
        {
            return false;
        }
        var length = _term.Length;
        if (_saved.Length < length)
        {
            _saved = new char[Math.Max(length, _saved.Length * 2)];
        }
        var buffer = _term.Buffer;
        Array.Copy(buffer, 0, _saved, 0, length);
        _savedLength = length;
        buffer = _term.ResizeBuffer(length + 1);
        Array.Copy(buffer, 0, buffer, 1, length);
        buffer[0] = Mark;
        _term.Length = length + 1;
        _keyword.IsKeyword = true;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _savedLength = -1;
    }
}
