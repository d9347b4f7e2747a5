using System.Diagnostics.CodeAnalysis;

namespace PaperArchive.Rendering;

/// <summary>
/// A page's <c>exists</c> answers as the render manifest keeps them (<see cref="RenderedPage.Exists"/>): two arrays in
/// ordinal key order, not a tree of nodes. A 100,000-paper site keeps them for 370,000 pages; as sorted dictionaries
/// they took ~600 bytes a page, as arrays a fifth of that. Read-only; enumerates in ordinal key order, as the manifest
/// writes them.
/// </summary>
public sealed class ExistsAnswers : IReadOnlyDictionary<string, bool>
{
    private readonly string[] _keys;
    private readonly bool[] _values;

    private ExistsAnswers(string[] keys, bool[] values) => (_keys, _values) = (keys, values);

    /// <summary>
    /// The answers, sorted by key; <paramref name="canonical"/> may swap each key for an equal string the build already
    /// holds (the site's path set), so thousands of pages asking about the same path share one string.
    /// </summary>
    public static ExistsAnswers From(IEnumerable<KeyValuePair<string, bool>> answers, Func<string, string>? canonical = null)
    {
        var sorted = answers.OrderBy(a => a.Key, StringComparer.Ordinal).ToArray();
        var keys = new string[sorted.Length];
        var values = new bool[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i > 0 && string.Equals(sorted[i].Key, sorted[i - 1].Key, StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{sorted[i].Key}' answered twice", nameof(answers));
            }
            keys[i] = canonical is null ? sorted[i].Key : canonical(sorted[i].Key);
            values[i] = sorted[i].Value;
        }
        return new ExistsAnswers(keys, values);
    }

    public bool this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => _keys;

    public IEnumerable<bool> Values => _values;

    public int Count => _keys.Length;

    public bool ContainsKey(string key) => Array.BinarySearch(_keys, key, StringComparer.Ordinal) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out bool value)
    {
        var i = Array.BinarySearch(_keys, key, StringComparer.Ordinal);
        value = i >= 0 && _values[i];
        return i >= 0;
    }

    public IEnumerator<KeyValuePair<string, bool>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            yield return new KeyValuePair<string, bool>(_keys[i], _values[i]);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
