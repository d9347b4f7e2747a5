using Lucene.Net.Util;

namespace PaperArchive.Search;

/// <summary>
/// Lucene 4.8 <c>BM25Similarity</c> for one field, reproduced number for number (lossy one-byte
/// length norms, average length over maxDoc, float arithmetic), so that the precomputed scores in
/// the static index equal what a Lucene IndexSearcher would return — with one deliberate change: the
/// collection statistics (document count, average field length) are rounded to a coarse grid
/// (<see cref="StableDocCount"/>, <see cref="StableAverage"/>), so adding a day's papers changes no score of
/// a term those papers lack, and an incremental build rewrites only the shards of the terms they contain.
/// (<c>Bm25LuceneTests</c> compares with Lucene's BM25Similarity given the same rounded statistics.)
/// </summary>
internal sealed class Bm25Field
{
    private static readonly float[] NormTable = BuildNormTable();

    private readonly float[] _cache = new float[256];
    private readonly int _maxDoc;

    public Bm25Field(long sumTotalTermFreq, int maxDoc)
    {
        _maxDoc = StableDocCount(maxDoc);
        AverageLength = StableAverage(sumTotalTermFreq <= 0 ? 1f : (float)(sumTotalTermFreq / (double)maxDoc));
        for (var i = 0; i < 256; i++)
        {
            _cache[i] = SearchSchema.K1 * ((1 - SearchSchema.B) + SearchSchema.B * NormTable[i] / AverageLength);
        }
    }

    /// <summary>The field's average length in tokens as scores use it (rounded, <see cref="StableAverage"/>).</summary>
    public float AverageLength { get; }

    /// <summary>The document count as scores use it (<see cref="StableDocCount"/>).</summary>
    public int DocCount => _maxDoc;

    /// <summary>
    /// <paramref name="count"/> rounded down to 6 significant bits (exact below 64): steps of 1.6–3.1 %,
    /// so at 20,000 papers it moves once in 512 new papers, and idf moves by far less than a level.
    /// </summary>
    public static int StableDocCount(int count)
    {
        if (count < 64)
        {
            return count;
        }
        var shift = 31 - int.LeadingZeroCount(count) - 5;
        return count >> shift << shift;
    }

    /// <summary>
    /// <paramref name="average"/> rounded to the nearest multiple of a power of two near 1/16 of it (5 significant bits):
    /// within 3 % of the true average, which moves length normalisation by less than that.
    /// </summary>
    public static float StableAverage(float average)
    {
        if (!(average > 0) || float.IsInfinity(average))
        {
            return average;
        }
        // The exponent from the bits, not a logarithm: exact on every platform.
        var exponent = ((BitConverter.SingleToInt32Bits(average) >> 23) & 0xFF) - 127;
        var step = MathF.ScaleB(1f, exponent - 4);
        var snapped = MathF.Round(average / step, MidpointRounding.AwayFromZero) * step;
        return snapped > 0 ? snapped : average;
    }

    public static byte EncodeLength(int length) => SmallSingle.SingleToByte315(1f / (float)Math.Sqrt(length));

    public float Idf(int docFreq) => (float)Math.Log(1 + (_maxDoc - docFreq + 0.5D) / (docFreq + 0.5D));

    /// <summary>Score of a term with frequency <paramref name="freq"/> in a field whose norm byte is <paramref name="norm"/>.</summary>
    public float Score(int docFreq, float boost, int freq, byte norm) => Score(Weight(docFreq, boost), freq, norm);

    /// <summary>The part of <see cref="Score(int, float, int, byte)"/> that depends on the term alone (its doc frequency and the field's boost).</summary>
    public float Weight(int docFreq, float boost)
    {
        var weight = Idf(docFreq) * boost;
        return weight * (SearchSchema.K1 + 1);
    }

    /// <summary>The score given the term's <see cref="Weight"/>: the same float operations as Lucene's, in the same order.</summary>
    public float Score(float weightValue, int freq, byte norm) => weightValue * freq / (freq + _cache[norm]);

    private static float[] BuildNormTable()
    {
        var table = new float[256];
        for (var i = 0; i < 256; i++)
        {
            var f = SmallSingle.Byte315ToSingle((byte)i);
            table[i] = 1.0f / (f * f);
        }
        return table;
    }
}
