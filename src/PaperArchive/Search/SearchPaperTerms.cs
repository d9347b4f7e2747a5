namespace PaperArchive.Search;

/// <summary>
/// One paper's analysed search fields (<see cref="SearchSchema.Fields"/> order): per field its distinct
/// terms in order of first occurrence, each term's frequency, and the field's length in tokens (what BM25
/// needs). What <see cref="SearchAnalysisCache"/> remembers per paper. Terms are numbers into
/// <see cref="Table"/> — for papers read from the cache, the cache's one shared table — so thousands of
/// cached papers are a few arrays of numbers each (nothing for the collector to trace) and the index
/// builder maps a shared term to its id once, not once per paper.
/// </summary>
internal sealed class SearchPaperTerms
{
    /// <param name="table">Term strings the ids refer to.</param>
    /// <param name="ids">Every field's terms as indexes into <paramref name="table"/>, field after field.</param>
    /// <param name="frequencies">Each term's frequency in its field, alongside <paramref name="ids"/>.</param>
    /// <param name="starts">Where each field's terms start in <paramref name="ids"/>, plus the end (fields + 1 entries).</param>
    /// <param name="lengths">Each field's length in tokens.</param>
    public SearchPaperTerms(string[] table, int[] ids, int[] frequencies, int[] starts, int[] lengths)
    {
        Table = table;
        Ids = ids;
        Frequencies = frequencies;
        Starts = starts;
        Lengths = lengths;
    }

    public string[] Table { get; }

    public int[] Ids { get; }

    public int[] Frequencies { get; }

    public int[] Starts { get; }

    public int[] Lengths { get; }

    /// <summary>Where this paper's entry lies in the cache file it was read from (saved again by copying those bytes); null when analysed by this build.</summary>
    public (int Start, int Length)? Source { get; init; }
}
