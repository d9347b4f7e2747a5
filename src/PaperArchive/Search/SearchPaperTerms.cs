namespace PaperArchive.Search;

/// <summary>
/// One paper's analysed search fields (<see cref="SearchSchema.Fields"/> order): per field its distinct
/// terms in order of first occurrence, each term's frequency, and the field's length in tokens (what BM25
/// needs). What <see cref="SearchAnalysisCache"/> remembers per paper.
/// </summary>
internal sealed class SearchPaperTerms
{
    public SearchPaperTerms(string[][] terms, int[][] frequencies, int[] lengths)
    {
        Terms = terms;
        Frequencies = frequencies;
        Lengths = lengths;
    }

    public string[][] Terms { get; }

    public int[][] Frequencies { get; }

    public int[] Lengths { get; }
}
