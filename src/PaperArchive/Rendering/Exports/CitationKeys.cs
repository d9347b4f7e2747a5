using PaperArchive.Model;

namespace PaperArchive.Rendering.Exports;

/// <summary>
/// One BibTeX/RIS key per paper, unique across the site and deterministic. Papers sharing a base key
/// (<see cref="BibTex.BaseKey"/>, e.g. two "wang2025scaling") are ordered by first appearance, then
/// id; the first keeps the base key, later ones get "b", "c", … "z", "ba", … — so a key never changes
/// when a newer paper with the same base key arrives (reference managers keep their citations).
/// </summary>
public sealed class CitationKeys
{
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);

    public CitationKeys(IEnumerable<Paper> papers)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var groups = papers
            .DistinctBy(p => p.Id, StringComparer.Ordinal)
            .GroupBy(BibTex.BaseKey, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        // Base keys first, so a suffixed key ("smith2024b") never steals another paper's base key.
        foreach (var g in groups)
        {
            taken.Add(g.Key);
        }
        foreach (var g in groups)
        {
            var n = 0;
            foreach (var paper in g.OrderBy(p => p.FirstSeen ?? DateOnly.MaxValue).ThenBy(p => p.Id, StringComparer.Ordinal))
            {
                var key = g.Key;
                if (n > 0)
                {
                    do
                    {
                        key = g.Key + Suffix(n++);
                    }
                    while (!taken.Add(key));
                }
                else
                {
                    n++;
                }
                _keys[paper.Id] = key;
            }
        }
    }

    /// <summary>The key of a paper of the archive this was built from.</summary>
    public string this[string paperId] => _keys[paperId];

    public int Count => _keys.Count;

    /// <summary>1 → "b", 25 → "z", 26 → "ba": letters, so the key stays one BibTeX word.</summary>
    private static string Suffix(int n)
    {
        var s = "";
        while (n > 0)
        {
            s = (char)('a' + n % 26) + s;
            n /= 26;
        }
        return s;
    }
}
