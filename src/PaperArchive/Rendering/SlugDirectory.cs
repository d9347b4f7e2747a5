using PaperArchive.Common;

namespace PaperArchive.Rendering;

/// <summary>
/// Gives every distinct key (an author name, an organisation) its own page slug. Keys whose
/// <see cref="Slug.From"/> collide are disambiguated deterministically: the key seen most often
/// (e.g. the spelling on most papers) keeps the plain slug, ties broken by ordinal order; the others
/// get "-2", "-3", … (skipping slugs some other key already owns). The result depends only on the
/// multiset of keys, never on their order.
/// </summary>
public sealed class SlugDirectory
{
    private readonly Dictionary<string, string> _slugs;

    public SlugDirectory(IEnumerable<string> keys)
    {
        var distinct = keys.GroupBy(k => k, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .ToList();
        var byBase = distinct.GroupBy(k => Slug.From(UnicodeText.ReplaceLoneSurrogates(k)), StringComparer.Ordinal).ToList();
        var taken = new HashSet<string>(byBase.Select(g => g.Key), StringComparer.Ordinal);
        _slugs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in byBase.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var n = 1;
            foreach (var key in group)
            {
                if (n == 1)
                {
                    _slugs[key] = group.Key;
                }
                else
                {
                    var candidate = group.Key + "-" + n;
                    while (!taken.Add(candidate))
                    {
                        n++;
                        candidate = group.Key + "-" + n;
                    }
                    _slugs[key] = candidate;
                }
                n++;
            }
        }
    }

    public string this[string key] => _slugs[key];

    public bool TryGet(string key, out string slug) => _slugs.TryGetValue(key, out slug!);

    public int Count => _slugs.Count;
}
