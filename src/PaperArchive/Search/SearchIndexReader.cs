using System.Globalization;
using System.Text.Json;

namespace PaperArchive.Search;

/// <summary>
/// Reads a written index back (tests and the benchmark use it to prove the shards hold exactly the
/// postings that were computed). The browser client in the theme is the real reader.
/// </summary>
public static class SearchIndexReader
{
    /// <summary>The <c>data</c> argument of one <c>__paSearch.add(kind, n, data);</c> file.</summary>
    public static JsonElement ReadScript(string text, out string kind, out int number)
    {
        const string prefix = "__paSearch.add(\"";
        if (!text.StartsWith(prefix, StringComparison.Ordinal) || !text.EndsWith(");\n", StringComparison.Ordinal))
        {
            throw new FormatException("Not a search index script");
        }
        var q = text.IndexOf('"', prefix.Length);
        kind = text.Substring(prefix.Length, q - prefix.Length);
        var comma = text.IndexOf(',', q + 2);
        number = int.Parse(text.AsSpan(q + 2, comma - q - 2), CultureInfo.InvariantCulture);
        using var doc = JsonDocument.Parse(text.AsMemory(comma + 1, text.Length - comma - 4));
        return doc.RootElement.Clone();
    }

    /// <summary>
    /// Every term's postings (head and tail merged) with scores decoded from their quantised levels, read from all
    /// postings shards; doc numbers newest first, as in <see cref="SearchIndexData"/> and the client (files store them oldest first).
    /// </summary>
    public static SortedDictionary<string, IReadOnlyList<SearchPosting>> ReadPostings(string indexDir)
    {
        var stored = ReadStoredPostings(indexDir);
        var last = ReadScript(File.ReadAllText(Path.Combine(indexDir, "root.js")), out _, out _).GetProperty("docs").GetInt32() - 1;
        var result = new SortedDictionary<string, IReadOnlyList<SearchPosting>>(StringComparer.Ordinal);
        foreach (var (term, list) in stored)
        {
            result[term] = list.Reverse().Select(p => new SearchPosting(last - p.Doc, p.Score)).ToList();
        }
        return result;
    }

    /// <summary>Every term's postings as the files store them: doc numbers oldest first, ascending.</summary>
    public static SortedDictionary<string, IReadOnlyList<SearchPosting>> ReadStoredPostings(string indexDir)
    {
        var result = new SortedDictionary<string, IReadOnlyList<SearchPosting>>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(indexDir, "p*.js").Order(StringComparer.Ordinal))
        {
            var data = ReadScript(File.ReadAllText(path), out _, out _);
            for (var i = 0; i < data.GetArrayLength(); i += 3)
            {
                var term = data[i].GetString()!;
                var scale = data[i + 1];
                if (scale.ValueKind == JsonValueKind.Number)
                {
                    result[term] = DecodePostings(scale.GetDouble(), data[i + 2].GetString()!);
                    continue;
                }
                var max = scale[0].GetDouble();
                var all = new List<SearchPosting>(DecodePostings(max, data[i + 2].GetString()!));
                for (var b = 1; b < scale.GetArrayLength(); b += 3)
                {
                    var file = "x" + scale[b].GetInt32().ToString(CultureInfo.InvariantCulture) + ".js";
                    all.AddRange(DecodePostings(max, ReadScript(File.ReadAllText(Path.Combine(indexDir, file)), out _, out _).GetString()!));
                }
                result[term] = all.OrderBy(p => p.Doc).ToList();
            }
        }
        return result;
    }

    public static IReadOnlyList<SearchPosting> DecodePostings(double max, string encoded)
    {
        var pos = 0;
        var count = SearchCodec.ReadVarint(encoded, ref pos);
        var docs = new int[count];
        var doc = 0;
        for (var i = 0; i < count; i++)
        {
            doc += SearchCodec.ReadVarint(encoded, ref pos);
            docs[i] = doc;
        }
        var list = new SearchPosting[count];
        for (var i = 0; i < count; i++)
        {
            var level = SearchCodec.FromDigit(encoded[pos++]);
            list[i] = new SearchPosting(docs[i], (float)(max * level / SearchSchema.ScoreLevels));
        }
        if (pos != encoded.Length)
        {
            throw new FormatException("Trailing characters in postings");
        }
        return list;
    }
}
