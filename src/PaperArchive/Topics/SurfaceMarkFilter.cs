using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace PaperArchive.Topics;

/// <summary>
/// After <c>KeywordRepeatFilter</c> + stemmer: prefixes the unstemmed copy of each word with
/// <see cref="Mark"/>, so that the index holds "=quantization" (the word as written, for wildcards)
/// beside "quantiz" (the stem, for terms, phrases and similarity), and the two never mix.
/// </summary>
internal sealed class SurfaceMarkFilter : TokenFilter
{
    public const char Mark = '=';

    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    public SurfaceMarkFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }
        if (_keyword.IsKeyword)
        {
            var length = _term.Length;
            var buffer = _term.ResizeBuffer(length + 1);
            Array.Copy(buffer, 0, buffer, 1, length);
            buffer[0] = Mark;
            _term.Length = length + 1;
            _keyword.IsKeyword = false;
        }
        return true;
    }
}
