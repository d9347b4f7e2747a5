using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PaperArchive.Model;
using PaperArchive.Rendering;

namespace PaperArchive.Search;

/// <summary>
/// Writes the static, sharded search index into the site (format: <c>Search/README.md</c>).
/// Every file is a small JavaScript file that calls <c>__paSearch.add(kind, number, data)</c>, so
/// the client can load it with a script element: that works over http(s) and from <c>file://</c>,
/// where browsers refuse <c>fetch</c>.
/// </summary>
public static class SearchIndexWriter
{
    /// <summary>Writes under <paramref name="siteDir"/>/search-index/ and returns the files written (site-relative, '/'-separated, ordinal order).</summary>
    public static IReadOnlyList<string> Write(ArchiveModel archive, ArchiveAnalysis analysis, string siteDir) =>
        Write(archive, analysis, siteDir, SearchIndexOptions.Default);

    public static IReadOnlyList<string> Write(ArchiveModel archive, ArchiveAnalysis analysis, string siteDir, SearchIndexOptions options) =>
        Write(SearchIndexBuilder.Build(archive, analysis), siteDir, options);

    /// <summary>Writes an index already built (the build shares <paramref name="data"/> with the reader's term vectors).</summary>
    public static IReadOnlyList<string> Write(SearchIndexData data, string siteDir, SearchIndexOptions options)
    {
        var files = Render(data, options);
        var dir = Path.Combine(siteDir, SiteUrls.SearchIndexDir);
        // Thousands of small files: write them into a fresh sibling folder and swap it in whole
        // (site/ is disposable output, so no per-file fsync; a reader never sees a half index).
        var tmp = dir + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        Directory.CreateDirectory(tmp);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(tmp, name), text, utf8);
        }
        if (Directory.Exists(dir))
        {
            // The folder is ours alone; stale shards from a bigger archive must not linger.
            Directory.Delete(dir, recursive: true);
        }
        Directory.Move(tmp, dir);
        return files.Keys.Select(n => SiteUrls.SearchIndexDir + "/" + n).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The index files by name (inside <c>search-index/</c>) with their text.</summary>
    public static SortedDictionary<string, string> Render(SearchIndexData data, SearchIndexOptions options)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var dictStarts = WriteDictionary(data, options, files);
        var postStarts = WritePostings(data, options, files);
        WriteCards(data, options, files);
        WriteUpvotes(data, options, files);
        var topicCounts = WriteTopics(data, files);

        using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            foreach (var (name, text) in files)
            {
                sha.AppendData(Encoding.UTF8.GetBytes(name + "\n" + text + "\n"));
            }
            var version = Convert.ToHexStringLower(sha.GetHashAndReset()).Substring(0, 12);
            var days = new List<int>();
            string? lastDay = null;
            var dated = 0;
            for (var d = 0; d < data.Docs.Count; d++)
            {
                var day = data.Docs[d].FirstSeen;
                if (day is null)
                {
                    break;
                }
                dated++;
                var key = DayKey(day.Value);
                if (key != lastDay)
                {
                    days.Add(int.Parse(key, CultureInfo.InvariantCulture));
                    days.Add(d);
                    lastDay = key;
                }
            }
            var root = new Dictionary<string, object>
            {
                ["format"] = 1,
                ["version"] = version,
                ["docs"] = data.Docs.Count,
                ["fields"] = SearchSchema.Fields,
                ["weights"] = SearchSchema.Weights,
                ["avgLengths"] = data.AverageFieldLengths.Select(a => Math.Round((double)a, 3)).ToList(),
                ["k1"] = SearchSchema.K1,
                ["b"] = SearchSchema.B,
                ["levels"] = SearchSchema.ScoreLevels,
                ["cardsPerChunk"] = options.CardsPerChunk,
                ["upvotesPerChunk"] = options.UpvotesPerChunk,
                ["dict"] = dictStarts,
                ["post"] = postStarts,
                ["topics"] = data.Topics.Select((t, i) => new object[] { t.Slug, t.Title, topicCounts[i] }).ToList(),
                ["days"] = days,
                ["dated"] = dated,
            };
            files["root.js"] = Script("r", 0, root);
        }
        return files;
    }

    private static List<string> WriteDictionary(SearchIndexData data, SearchIndexOptions options, IDictionary<string, string> files)
    {
        var starts = new List<string>();
        var entries = new List<object>();
        var size = 0;
        void Flush()
        {
            if (entries.Count > 0)
            {
                files["d" + starts.Count.ToString(CultureInfo.InvariantCulture) + ".js"] = Script("d", starts.Count, entries);
                starts.Add((string)entries[0]);
                entries = [];
                size = 0;
            }
        }
        foreach (var term in data.Terms)
        {
            entries.Add(term);
            entries.Add(data.Postings[term].Count);
            size += term.Length + 8;
            if (size >= options.DictShardChars)
            {
                Flush();
            }
        }
        Flush();
        return starts;
    }

    private static List<string> WritePostings(SearchIndexData data, SearchIndexOptions options, IDictionary<string, string> files)
    {
        var starts = new List<string>();
        var entries = new List<object>();
        var size = 0;
        void Flush()
        {
            if (entries.Count > 0)
            {
                files["p" + starts.Count.ToString(CultureInfo.InvariantCulture) + ".js"] = Script("p", starts.Count, entries);
                starts.Add((string)entries[0]);
                entries = [];
                size = 0;
            }
        }
        foreach (var term in data.Terms)
        {
            var (max, encoded) = EncodePostings(data.Postings[term]);
            entries.Add(term);
            entries.Add(max);
            entries.Add(encoded);
            size += term.Length + encoded.Length + 12;
            if (size >= options.PostingsShardChars)
            {
                Flush();
            }
        }
        Flush();
        return starts;
    }

    /// <summary>
    /// Postings as text: varint count, varint doc gaps, then one digit per posting with the score as
    /// a level 1..63 of the term's maximum (rounded to 4 decimals, so readers agree on the scale).
    /// </summary>
    public static (double Max, string Encoded) EncodePostings(IReadOnlyList<SearchPosting> postings)
    {
        var max = Math.Round((double)postings.Max(p => p.Score), 4);
        if (max <= 0)
        {
            max = 0.0001;
        }
        var sb = new StringBuilder();
        SearchCodec.AppendVarint(sb, postings.Count);
        var prev = 0;
        foreach (var p in postings)
        {
            SearchCodec.AppendVarint(sb, p.Doc - prev);
            prev = p.Doc;
        }
        foreach (var p in postings)
        {
            sb.Append(SearchCodec.Digit(Level(p.Score, max)));
        }
        return (max, sb.ToString());
    }

    public static int Level(float score, double max) =>
        Math.Clamp((int)Math.Round(score / max * SearchSchema.ScoreLevels, MidpointRounding.AwayFromZero), 1, SearchSchema.ScoreLevels);

    private static void WriteCards(SearchIndexData data, SearchIndexOptions options, IDictionary<string, string> files)
    {
        for (var chunk = 0; chunk * options.CardsPerChunk < data.Docs.Count; chunk++)
        {
            var cards = new List<object>();
            for (var d = chunk * options.CardsPerChunk; d < Math.Min(data.Docs.Count, (chunk + 1) * options.CardsPerChunk); d++)
            {
                var p = data.Docs[d];
                cards.Add(new object?[]
                {
                    SiteUrls.Paper(p.Id),
                    p.Title,
                    ShortAuthors(p),
                    p.FirstSeen is { } day ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "",
                    p.Upvotes ?? -1,
                    data.DocTopics[d],
                    SnippetSource(p.Abstract, options.SnippetSourceChars),
                });
            }
            files["c" + chunk.ToString(CultureInfo.InvariantCulture) + ".js"] = Script("c", chunk, cards);
        }
    }

    private static void WriteUpvotes(SearchIndexData data, SearchIndexOptions options, IDictionary<string, string> files)
    {
        for (var chunk = 0; chunk * options.UpvotesPerChunk < data.Docs.Count; chunk++)
        {
            var sb = new StringBuilder();
            for (var d = chunk * options.UpvotesPerChunk; d < Math.Min(data.Docs.Count, (chunk + 1) * options.UpvotesPerChunk); d++)
            {
                var u = Math.Clamp(data.Docs[d].Upvotes ?? 0, 0, 4095);
                sb.Append(SearchCodec.Digit(u >> 6)).Append(SearchCodec.Digit(u & 63));
            }
            files["u" + chunk.ToString(CultureInfo.InvariantCulture) + ".js"] = Script("u", chunk, sb.ToString());
        }
    }

    private static int[] WriteTopics(SearchIndexData data, IDictionary<string, string> files)
    {
        var counts = new int[data.Topics.Count];
        var lists = Enumerable.Range(0, data.Topics.Count).Select(_ => new List<int>()).ToArray();
        for (var d = 0; d < data.Docs.Count; d++)
        {
            foreach (var t in data.DocTopics[d])
            {
                lists[t].Add(d);
            }
        }
        for (var t = 0; t < lists.Length; t++)
        {
            counts[t] = lists[t].Count;
            var sb = new StringBuilder();
            SearchCodec.AppendVarint(sb, lists[t].Count);
            var prev = 0;
            foreach (var d in lists[t])
            {
                SearchCodec.AppendVarint(sb, d - prev);
                prev = d;
            }
            files["t" + t.ToString(CultureInfo.InvariantCulture) + ".js"] = Script("t", t, sb.ToString());
        }
        return counts;
    }

    /// <summary>"A, B, C et al." — enough to recognise a paper; the paper page has the full list.</summary>
    public static string ShortAuthors(Paper paper)
    {
        if (paper.Authors.Count == 0)
        {
            return paper.AuthorCount is { } n ? n.ToString(CultureInfo.InvariantCulture) + (n == 1 ? " author" : " authors") : "";
        }
        var names = string.Join(", ", paper.Authors.Take(3).Select(a => a.Name));
        return paper.Authors.Count > 3 ? names + " et al." : names;
    }

    /// <summary>The start of the abstract, cut at a word boundary, for snippets and phrase checks.</summary>
    public static string SnippetSource(string? text, int maxChars)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= maxChars)
        {
            return flat;
        }
        var cut = flat.LastIndexOf(' ', maxChars);
        if (cut < maxChars / 2)
        {
            cut = maxChars;
        }
        if (char.IsHighSurrogate(flat[cut - 1]))
        {
            cut--;
        }
        return flat.Substring(0, cut) + " …";
    }

    private static string DayKey(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Script(string kind, int number, object data) =>
        "__paSearch.add(\"" + kind + "\"," + number.ToString(CultureInfo.InvariantCulture) + "," + JsonSerializer.Serialize(data) + ");\n";
}
