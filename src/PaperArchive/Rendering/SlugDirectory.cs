using PaperArchive.Common;

namespace PaperArchive.Rendering;

/// <summary>
/// Gives every distinct key (an author name, an organisation) its own page slug. Keys whose
/// <see cref="Slug.From"/> collide are disambiguated deterministically: in ordinal order of the key,
/// the first keeps the plain slug, the next get "-2", "-3", … (skipping slugs some other key
/// already owns). The result depends only on the set of keys, never on input order.
/// </summary>
public sealed class SlugDirectory
{
    private readonly Dictionary<string, string> _slugs;

    public SlugDirectory(IEnumerable<string> keys)
    {
        var distinct = keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var byBase = distinct.GroupBy(Slug.From, StringComparer.Ordinal).ToList();
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
