using Lucene.Net.Util;

namespace PaperArchive.Search;

/// <summary>
/// Lucene 4.8 <c>BM25Similarity</c> for one field, reproduced number for number (lossy one-byte
/// length norms, average length over maxDoc, float arithmetic), so that the precomputed scores in
/// the static index equal what a Lucene IndexSearcher would return.
/// </summary>
internal sealed class Bm25Field
{
    private static readonly float[] NormTable = BuildNormTable();

    private readonly float[] _cache = new float[256];
    private readonly int _maxDoc;

    public Bm25Field(long sumTotalTermFreq, int maxDoc)
    {
        _maxDoc = maxDoc;
        AverageLength = sumTotalTermFreq <= 0 ? 1f : (float)(sumTotalTermFreq / (double)maxDoc);
        for (var i = 0; i < 256; i++)
        {
            _cache[i] = SearchSchema.K1 * ((1 - SearchSchema.B) + SearchSchema.B * NormTable[i] / AverageLength);
        }
    }

    public float AverageLength { get; }

    public static byte EncodeLength(int length) => SmallSingle.SingleToByte315(1f / (float)Math.Sqrt(length));

    public float Idf(int docFreq) => (float)Math.Log(1 + (_maxDoc - docFreq + 0.5D) / (docFreq + 0.5D));

    /// <summary>Score of a term with frequency <paramref name="freq"/> in a field whose norm byte is <paramref name="norm"/>.</summary>
    public float Score(int docFreq, float boost, int freq, byte norm)
    {
        var weight = Idf(docFreq) * boost;
        var weightValue = weight * (SearchSchema.K1 + 1);
        return weightValue * freq / (freq + _cache[norm]);
    }

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
