using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PaperArchive.Rendering;
using PaperArchive.Search;

namespace PaperArchive.Reader;

/// <summary>
/// Term vectors for "For you", taken from the search index's own statistics (<see cref="SearchIndexData"/>:
/// every term's BM25 score in every paper, fields weighted as in search): each paper keeps its
/// <see cref="TermsPerPaper"/> best terms, scaled so the best is 99. Written as
/// <c>reader/v&lt;n&gt;.js</c> (all papers, sharded like <c>m&lt;n&gt;.js</c>) and <c>reader/recent.js</c>
/// (the candidates: papers first seen in the <see cref="RecentDays"/> days up to the newest listing day, with a short card each).
/// The browser sums the starred papers' vectors and ranks the candidates by cosine similarity.
/// Separate files from the search index, so its format can change without touching this.
/// </summary>
public static class ReaderVectorWriter
{
    public const int TermsPerPaper = 12;

    public const int RecentDays = 30;

    public const int MaxRecent = 1500;

    /// <summary>Whether a file name under <c>reader/</c> is one this writer makes (<c>v&lt;n&gt;.js</c>, <c>recent.js</c>), as opposed to the pages' data files.</summary>
    public static bool IsVectorFile(string name) =>
        name == "recent.js"
        || (name.Length > 4 && name[0] == 'v' && name.EndsWith(".js", StringComparison.Ordinal) && name.AsSpan(1, name.Length - 4).ContainsAnyExceptInRange('0', '9') == false);

    /// <summary>Writes the files and returns their site paths (ordinal order).</summary>
    public static IReadOnlyList<string> Write(SearchIndexData data, string siteDir)
    {
        var files = Render(data);
        var dir = Path.Combine(siteDir, SiteUrls.ReaderDir);
        Directory.CreateDirectory(dir);
        var utf8 = new UTF8Encoding(false);
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(dir, name), text, utf8);
        }
        return files.Keys.Select(n => SiteUrls.ReaderDir + "/" + n).ToList();
    }

    public static SortedDictionary<string, string> Render(SearchIndexData data)
    {
        var vectors = Vectors(data);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var docs = data.Docs;
        var shards = ReaderFormat.ShardCount(docs.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count());
        // Per shard its papers by id (ordinal; a repeated id keeps its last doc), then one script each.
        var byShard = new SortedDictionary<string, int>[shards];
        for (var d = 0; d < docs.Count; d++)
        {
            (byShard[ReaderFormat.Shard(docs[d].Id, shards)] ??= new SortedDictionary<string, int>(StringComparer.Ordinal))[docs[d].Id] = d;
        }
        var buffer = new ArrayBufferWriter<byte>(1 << 14);
        using var writer = new Utf8JsonWriter(buffer);
        for (var shard = 0; shard < shards; shard++)
        {
            if (byShard[shard] is not { } papers)
            {
                continue;
            }
            // The bytes ReaderFormat.Script gives for the shard as a SortedDictionary<string, object> (same
            // writer, same escaping), without the serializer's per-element type dispatch.
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            writer.WriteStartObject();
            foreach (var (id, d) in papers)
            {
                writer.WritePropertyName(id);
                writer.WriteStartArray();
                var flat = vectors[d];
                for (var i = 0; i < flat.Length; i += 2)
                {
                    writer.WriteStringValue((string)flat[i]);
                    writer.WriteNumberValue((int)flat[i + 1]);
                }
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
            writer.Flush();
            files["v" + shard.ToString(CultureInfo.InvariantCulture) + ".js"] =
                "__paReader.add(\"v\"," + shard.ToString(CultureInfo.InvariantCulture) + "," + Encoding.UTF8.GetString(buffer.WrittenSpan) + ");\n";
        }

        // "Recent" counts back from the newest listing day; papers known only from a copy can carry
        // later (publication) dates and would otherwise pull the window past every listed paper.
        var anchor = docs.Select(d => d.ListedOn.Count > 0 ? d.ListedOn[^1] : (DateOnly?)null).Max() ?? docs.Select(d => d.FirstSeen).Max();
        var recent = new List<object>();
        for (var d = 0; d < docs.Count && recent.Count < MaxRecent; d++)
        {
            var p = docs[d];
            if (anchor is null || p.FirstSeen is null || p.FirstSeen.Value <= anchor.Value.AddDays(-RecentDays))
            {
                continue;
            }
            var authors = p.Authors.Select(a => a.Name.Trim()).Where(n => n.Length > 0).ToList();
            recent.Add(new object?[]
            {
                p.Id,
                SiteUrls.Paper(p.Id),
                p.Title,
                p.FirstSeen.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                p.Upvotes ?? -1,
                string.Join(", ", authors.Take(3)) + (authors.Count > 3 ? " et al." : ""),
                vectors[d],
            });
        }
        files["recent.js"] = ReaderFormat.Script("f", 0, new Dictionary<string, object>
        {
            ["format"] = ReaderFormat.Version,
            ["shards"] = shards,
            ["days"] = RecentDays,
            ["docs"] = recent,
        });
        return files;
    }

    /// <summary>Per doc: [term, weight, term, weight, …], best first (ties by term), weights 1..99.</summary>
    public static object[][] Vectors(SearchIndexData data)
    {
        // Each doc keeps its best TermsPerPaper as postings stream by: no list of every posting per doc,
        // no sort of it. Terms come in ordinal order, so among equal scores the one already kept wins
        // (exactly "score descending, then term").
        const int k = TermsPerPaper;
        var n = data.Docs.Count;
        var scores = new float[n * k];
        var terms = new int[n * k];
        var counts = new int[n];
        for (var t = 0; t < data.Terms.Count; t++)
        {
            foreach (var posting in data.Postings[data.Terms[t]])
            {
                var d = posting.Doc;
                var at = d * k;
                var count = counts[d];
                if (count == k && !(posting.Score > scores[at + k - 1]))
                {
                    continue;
                }
                var i = count == k ? k - 1 : count;
                while (i > 0 && posting.Score > scores[at + i - 1])
                {
                    scores[at + i] = scores[at + i - 1];
                    terms[at + i] = terms[at + i - 1];
                    i--;
                }
                scores[at + i] = posting.Score;
                terms[at + i] = t;
                if (count < k)
                {
                    counts[d] = count + 1;
                }
            }
        }
        var result = new object[n][];
        for (var d = 0; d < n; d++)
        {
            var at = d * k;
            var max = counts[d] > 0 ? scores[at] : 1f;
            var flat = new object[counts[d] * 2];
            for (var i = 0; i < counts[d]; i++)
            {
                flat[2 * i] = data.Terms[terms[at + i]];
                flat[2 * i + 1] = Math.Clamp((int)Math.Round(scores[at + i] / max * 99, MidpointRounding.AwayFromZero), 1, 99);
            }
            result[d] = flat;
        }
        return result;
    }
}
