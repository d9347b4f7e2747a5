using System.Buffers;
using System.Globalization;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PaperArchive.Common;
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
    /// <summary>
    /// 3: a postings shard ends before a term that would overrun it (a frequent term's head is not
    /// appended to a full shard), the root lists shard separators front-coded, cards carry the page
    /// slug (not the link) and no date (the root's days give it). 2: files number docs oldest first
    /// (a new day's papers get new numbers, old shards keep their bytes) and scores use rounded
    /// collection statistics. 1: newest first, exact statistics.
    /// </summary>
    public const int Format = 3;

    /// <summary>A paper's page is <c>PaperLink[0] + slug + PaperLink[1]</c> (the root carries it, cards only the slug).</summary>
    public static readonly IReadOnlyList<string> PaperLink = PaperLinkParts();

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
        // Thousands of small files: creating them is mostly system time, which two threads halve.
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(4, Environment.ProcessorCount) }, file =>
            WriteNew(Path.Combine(tmp, file.Key), file.Value));
        if (Directory.Exists(dir))
        {
            // The folder is ours alone; stale shards from a bigger archive must not linger.
            Directory.Delete(dir, recursive: true);
        }
        Directory.Move(tmp, dir);
        return files.Keys.Select(n => SiteUrls.SearchIndexDir + "/" + n).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Writes an index already built through the build's <paramref name="files"/> (which keeps published files whose
    /// bytes are the same) and returns the files' site paths (ordinal order). With the <paramref name="cache"/> of the
    /// published build, result cards whose inputs are unchanged are kept without being rendered (<see cref="SearchCardState"/>);
    /// this build's cards are noted in the cache for the next one.
    /// </summary>
    public static IReadOnlyList<string> Write(SearchIndexData data, SearchIndexOptions options, SiteFileWriter files, SearchAnalysisCache? cache)
    {
        var previous = cache?.PreviousCards is { } cards && cards.CardsPerChunk == options.CardsPerChunk && cards.SnippetSourceChars == options.SnippetSourceChars
            && files.PublishedSite is { } site && PublishedRootHash(site) == cards.RootHash ? cards : null;
        var (rendered, kept, state) = Render(data, options, previous, name => files.Keep(SiteUrls.SearchIndexDir + "/" + name));
        // Thousands of small files: creating them is mostly system time, which two threads halve.
        Parallel.ForEach(rendered, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(4, Environment.ProcessorCount) },
            file => files.Write(SiteUrls.SearchIndexDir + "/" + file.Key, file.Value));
        if (cache is not null)
        {
            cache.CurrentCards = state;
        }
        return rendered.Keys.Concat(kept).Order(StringComparer.Ordinal).Select(n => SiteUrls.SearchIndexDir + "/" + n).ToList();
    }

    /// <summary>The hash of the published site's <c>root.js</c> bytes, or null when it cannot be read.</summary>
    private static UInt128? PublishedRootHash(string site)
    {
        try
        {
            return XxHash128.HashToUInt128(File.ReadAllBytes(Path.Combine(site, SiteUrls.SearchIndexDir, "root.js")));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Creates a file that must not exist yet (the folder is fresh) holding <paramref name="text"/> as UTF-8
    /// without BOM — the bytes <see cref="File.WriteAllText(string, string?, Encoding)"/> writes, with half its
    /// system calls (no truncate, seek, file-system or permission queries): one create and one write.
    /// </summary>
    private static void WriteNew(string path, string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            RandomAccess.Write(handle, buffer.AsSpan(0, length), 0);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The index files by name (inside <c>search-index/</c>) with their text.</summary>
    public static SortedDictionary<string, string> Render(SearchIndexData data, SearchIndexOptions options) => Render(data, options, null, null).Files;

    /// <summary>
    /// The index files by name with their text, but for the cards that <paramref name="keep"/> keeps from the build
    /// <paramref name="previous"/> describes (their inputs unchanged): those are listed in Kept, not rendered.
    /// </summary>
    internal static (SortedDictionary<string, string> Files, List<string> Kept, SearchCardState Cards) Render(
        SearchIndexData data, SearchIndexOptions options, SearchCardState? previous, Func<string, bool>? keep)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        // Cards (one JSON file per two papers) are independent of the postings: render both at once.
        var cards = new Dictionary<string, string>(StringComparer.Ordinal);
        var kept = new List<string>();
        var chunks = (data.Docs.Count + options.CardsPerChunk - 1) / options.CardsPerChunk;
        var (inputKeys, contentHashes) = (new UInt128[chunks], new UInt128[chunks]);
        var cardsTask = Task.Run(() => WriteCards(data, options, cards, previous, keep, inputKeys, contentHashes, kept));
        var dictStarts = WriteDictionary(data, options, files);
        var (postStarts, bands) = WritePostings(data, options, files);
        WriteUpvotes(data, options, files);
        var topicCounts = WriteTopics(data, files);
        var hashes = new Dictionary<string, UInt128>(files.Count + chunks, StringComparer.Ordinal);
        foreach (var (name, text) in files)
        {
            hashes[name] = ContentHash(text);
        }
        cardsTask.GetAwaiter().GetResult();
        foreach (var (name, text) in cards)
        {
            files.Add(name, text);
        }
        for (var c = 0; c < chunks; c++)
        {
            hashes[CardName(c)] = contentHashes[c];
        }

        {
            // The version is the hash of every other file: of its name and the hash of its bytes, in name order
            // (so a card kept from the last build needs no text, only the hash noted then).
            var listing = new StringBuilder(hashes.Count * 48);
            foreach (var name in hashes.Keys.Order(StringComparer.Ordinal))
            {
                listing.Append(name).Append('\n').Append(HashHex(hashes[name])).Append('\n');
            }
            var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(listing.ToString()))).Substring(0, 12);
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
                ["format"] = Format,
                ["version"] = version,
                ["docs"] = data.Docs.Count,
                ["statDocs"] = Bm25Field.StableDocCount(data.Docs.Count),
                ["fields"] = SearchSchema.Fields,
                ["weights"] = SearchSchema.Weights,
                ["avgLengths"] = data.AverageFieldLengths.Select(a => Math.Round((double)a, 3)).ToList(),
                ["k1"] = SearchSchema.K1,
                ["b"] = SearchSchema.B,
                ["levels"] = SearchSchema.ScoreLevels,
                ["cardsPerChunk"] = options.CardsPerChunk,
                ["upvotesPerChunk"] = options.UpvotesPerChunk,
                ["dict"] = SearchCodec.EncodeStarts(dictStarts),
                ["post"] = SearchCodec.EncodeStarts(postStarts),
                ["bands"] = bands,
                ["paperLink"] = PaperLink,
                ["topics"] = data.Topics.Select((t, i) => new object[] { t.Slug, t.Title, topicCounts[i] }).ToList(),
                ["days"] = days,
                ["dated"] = dated,
            };
            var rootText = "__paSearch.add(\"r\",0," + JsonSerializer.Serialize(root) + ");\n";
            files["root.js"] = rootText;
            return (files, kept, new SearchCardState(XxHash128.HashToUInt128(Encoding.UTF8.GetBytes(rootText)), options.CardsPerChunk, options.SnippetSourceChars, inputKeys, contentHashes));
        }
    }

    private static string CardName(int chunk) => "c" + chunk.ToString(CultureInfo.InvariantCulture) + ".js";

    /// <summary>XxHash128 of the text's UTF-8 bytes.</summary>
    private static UInt128 ContentHash(string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        var buffer = t_utf8 is { } reused && reused.Length >= max ? reused : t_utf8 = new byte[Math.Max(max, 1 << 16)];
        return XxHash128.HashToUInt128(buffer.AsSpan(0, Encoding.UTF8.GetBytes(text, buffer)));
    }

    [ThreadStatic]
    private static byte[]? t_utf8;

    private static string HashHex(UInt128 hash)
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(bytes, hash);
        return Convert.ToHexStringLower(bytes);
    }

    private static List<string> WriteDictionary(SearchIndexData data, SearchIndexOptions options, IDictionary<string, string> files)
    {
        var starts = new List<string>();
        var shard = new ShardScript("d");
        var size = 0;
        string? first = null;
        string? previous = null;
        string? last = null;
        void Flush()
        {
            if (first is not null)
            {
                files["d" + starts.Count.ToString(CultureInfo.InvariantCulture) + ".js"] = shard.Finish(starts.Count);
                starts.Add(Separator(previous, first));
                previous = last;
                first = null;
                size = 0;
            }
        }
        foreach (var term in data.Terms)
        {
            first ??= term;
            last = term;
            shard.Writer.WriteStringValue(term);
            shard.Writer.WriteNumberValue(data.Postings[term].Count);
            size += term.Length + 8;
            if (size >= options.DictShardChars)
            {
                Flush();
            }
        }
        Flush();
        return starts;
    }

    private static (List<string> Starts, int Bands) WritePostings(SearchIndexData data, SearchIndexOptions options, IDictionary<string, string> files)
    {
        var starts = new List<string>();
        var shard = new ShardScript("p");
        var size = 0;
        var tails = 0;
        string? first = null;
        string? previous = null;
        string? lastTerm = null;
        void Flush()
        {
            if (first is not null)
            {
                files["p" + starts.Count.ToString(CultureInfo.InvariantCulture) + ".js"] = shard.Finish(starts.Count);
                starts.Add(Separator(previous, first));
                previous = lastTerm;
                first = null;
                size = 0;
            }
        }
        var last = data.Docs.Count - 1;
        // Terms are encoded in parallel a block at a time (each on its own; the second core is otherwise idle
        // here), then laid out in shards in order. Blocks bound the encodings held at once.
        const int block = 2048;
        var encodings = new SearchTermEncoding[Math.Min(block, data.Terms.Count)];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Min(2, Environment.ProcessorCount) };
        for (var t = 0; t < data.Terms.Count; t++)
        {
            var term = data.Terms[t];
            if (t % block == 0)
            {
                var blockStart = t;
                Parallel.For(t, Math.Min(data.Terms.Count, t + block), parallel, u =>
                    encodings[u - blockStart] = EncodeStored(data.Postings[data.Terms[u]], last, options.HeadPostings));
            }
            var encoded = encodings[t % block];
            var entrySize = term.Length + encoded.Head.Length + 12;
            if (size > 0 && size + entrySize > options.PostingsShardChars)
            {
                // A query reads the whole shard of its term: a large entry (a frequent term's head,
                // the likeliest query words) must not ride on a full shard of other terms.
                Flush();
            }
            first ??= term;
            lastTerm = term;
            var writer = shard.Writer;
            writer.WriteStringValue(term);
            if (encoded.Tails.Count > 0)
            {
                // A frequent term: its best postings here, the rest in bands x<n>.js, read only
                // when the bands above cannot decide a query (README, "Impact-ordered bands").
                writer.WriteStartArray();
                writer.WriteNumberValue(encoded.Max);
                foreach (var tail in encoded.Tails)
                {
                    writer.WriteNumberValue(tails);
                    writer.WriteNumberValue(tail.Count);
                    writer.WriteNumberValue(tail.MaxLevel);
                    files["x" + tails.ToString(CultureInfo.InvariantCulture) + ".js"] = Script("x", tails, tail.Encoded);
                    tails++;
                }
                writer.WriteEndArray();
            }
            else
            {
                writer.WriteNumberValue(encoded.Max);
            }
            writer.WriteStringValue(encoded.Head);
            size += entrySize;
            if (size >= options.PostingsShardChars)
            {
                Flush();
            }
        }
        Flush();
        return (starts, tails);
    }

    /// <summary>A term's postings (engine doc numbers, newest first) encoded with file numbers (oldest first, README "Documents").</summary>
    private static SearchTermEncoding EncodeStored(IReadOnlyList<SearchPosting> list, int last, int headPostings)
    {
        var stored = t_stored is { } reused && reused.Length >= list.Count ? reused : t_stored = new SearchPosting[Math.Max(list.Count, 4096)];
        for (var i = 0; i < list.Count; i++)
        {
            var p = list[list.Count - 1 - i];
            stored[i] = new SearchPosting(last - p.Doc, p.Score);
        }
        return EncodeTerm(stored.AsSpan(0, list.Count), headPostings);
    }

    [ThreadStatic]
    private static SearchPosting[]? t_stored;

    /// <summary>
    /// One shard's script written as its entries come (<c>__paSearch.add(kind, n, [...]);</c>, the bytes
    /// <see cref="Script"/> gives for the same list): no list of boxed entries per shard.
    /// </summary>
    private sealed class ShardScript
    {
        private readonly string _kind;
        private readonly ArrayBufferWriter<byte> _buffer = new(1 << 14);
        private readonly Utf8JsonWriter _writer;
        private bool _open;

        public ShardScript(string kind)
        {
            _kind = kind;
            _writer = new Utf8JsonWriter(_buffer);
        }

        /// <summary>The writer, inside the shard's array (opened at the first use after <see cref="Finish"/>).</summary>
        public Utf8JsonWriter Writer
        {
            get
            {
                if (!_open)
                {
                    _open = true;
                    _buffer.ResetWrittenCount();
                    _writer.Reset(_buffer);
                    _writer.WriteStartArray();
                }
                return _writer;
            }
        }

        public string Finish(int number)
        {
            var writer = Writer;
            writer.WriteEndArray();
            writer.Flush();
            _open = false;
            return "__paSearch.add(\"" + _kind + "\"," + number.ToString(CultureInfo.InvariantCulture) + "," + Encoding.UTF8.GetString(_buffer.WrittenSpan) + ");\n";
        }
    }

    /// <summary>
    /// The shortest prefix of <paramref name="first"/> (a shard's first term) that sorts after
    /// <paramref name="previousLast"/> (the last term of the shard before): every term of the shard is
    /// at or after it and every earlier term before it, which is all a lookup needs.
    /// </summary>
    public static string Separator(string? previousLast, string first)
    {
        if (previousLast is null)
        {
            return first;
        }
        for (var k = 1; k < first.Length; k++)
        {
            // (a prefix that ties with previousLast's first k characters is a prefix of it: smaller)
            if (!char.IsHighSurrogate(first[k - 1]) && string.CompareOrdinal(first, 0, previousLast, 0, k) > 0)
            {
                return first[..k];
            }
        }
        return first;
    }

    /// <summary>The postings of one term, split when it has many: see <see cref="SearchTermEncoding"/>.</summary>
    public static SearchTermEncoding EncodeTerm(IReadOnlyList<SearchPosting> postings, int headPostings) =>
        EncodeTerm(postings as SearchPosting[] ?? postings.ToArray(), headPostings);

    internal static SearchTermEncoding EncodeTerm(ReadOnlySpan<SearchPosting> postings, int headPostings)
    {
        var best = float.MinValue;
        foreach (var p in postings)
        {
            best = Math.Max(best, p.Score);
        }
        if (postings.IsEmpty)
        {
            throw new InvalidOperationException("A term without postings");
        }
        var max = Math.Round((double)best, 4);
        if (max <= 0)
        {
            max = 0.0001;
        }
        var levels = t_levels is { } reused && reused.Length >= postings.Length ? reused : t_levels = new byte[Math.Max(postings.Length, 4096)];
        Span<int> perLevel = stackalloc int[SearchSchema.ScoreLevels + 1];
        for (var i = 0; i < postings.Length; i++)
        {
            var l = Level(postings[i].Score, max);
            levels[i] = (byte)l;
            perLevel[l]++;
        }
        // Bands by level, best first: the head holds about headPostings, each further band about
        // four times more than everything before it. Cutting between two levels makes a band's
        // best score strictly lower than the worst of the bands above it, which the client's
        // proof needs. A rest of less than a quarter of the last cap joins the band before it.
        var bounds = new List<int>(2); // lowest level of each band
        var taken = 0;
        var level = SearchSchema.ScoreLevels + 1;
        var cap = (long)headPostings;
        while (taken < postings.Length)
        {
            var top = level;
            while (level > 1 && taken + perLevel[level - 1] <= cap)
            {
                level--;
                taken += perLevel[level];
            }
            if (level == top)
            {
                level--;
                taken += perLevel[level];
            }
            if (postings.Length - taken <= cap / 4)
            {
                level = 1;
                taken = postings.Length;
            }
            bounds.Add(level);
            cap *= 4;
        }
        var head = Encode(postings, levels, bounds[0], SearchSchema.ScoreLevels + 1);
        if (bounds.Count == 1)
        {
            return new SearchTermEncoding(max, head, []);
        }
        var tails = new List<SearchTermTail>();
        for (var b = 1; b < bounds.Count; b++)
        {
            var (lo, hi) = (bounds[b], bounds[b - 1]);
            var top = 0;
            var count = 0;
            for (var l = lo; l < hi; l++)
            {
                if (perLevel[l] > 0)
                {
                    top = l;
                    count += perLevel[l];
                }
            }
            tails.Add(new SearchTermTail(Encode(postings, levels, lo, hi), count, top));
        }
        return new SearchTermEncoding(max, head, tails);
    }

    [ThreadStatic]
    private static byte[]? t_levels;

    [ThreadStatic]
    private static char[]? t_chars;

    /// <summary>
    /// Postings as text: varint count, varint doc gaps, then one digit per posting with the score as
    /// a level 1..63 of the term's maximum (rounded to 4 decimals, so readers agree on the scale).
    /// </summary>
    public static (double Max, string Encoded) EncodePostings(IReadOnlyList<SearchPosting> postings)
    {
        var e = EncodeTerm(postings, int.MaxValue - 1);
        return (e.Max, e.Head);
    }

    /// <summary>The postings whose level is in [<paramref name="lo"/>, <paramref name="hi"/>), encoded (see <see cref="EncodePostings"/>).</summary>
    private static string Encode(ReadOnlySpan<SearchPosting> postings, byte[] levels, int lo, int hi)
    {
        var count = 0;
        for (var i = 0; i < postings.Length; i++)
        {
            if (levels[i] >= lo && levels[i] < hi)
            {
                count++;
            }
        }
        // At most 7 characters per varint (32 bits, 5 per character) and one digit per posting.
        var needed = 8 * (count + 1);
        var chars = t_chars is { } reused && reused.Length >= needed ? reused : t_chars = new char[Math.Max(needed, 1 << 15)];
        var at = AppendVarint(chars, 0, count);
        var prev = 0;
        for (var i = 0; i < postings.Length; i++)
        {
            if (levels[i] >= lo && levels[i] < hi)
            {
                at = AppendVarint(chars, at, postings[i].Doc - prev);
                prev = postings[i].Doc;
            }
        }
        for (var i = 0; i < postings.Length; i++)
        {
            if (levels[i] >= lo && levels[i] < hi)
            {
                chars[at++] = SearchCodec.Digit(levels[i]);
            }
        }
        return new string(chars, 0, at);
    }

    /// <summary><see cref="SearchCodec.AppendVarint"/> into a char array; returns the new end.</summary>
    private static int AppendVarint(char[] chars, int at, int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        var v = (uint)value;
        while (v >= 32)
        {
            chars[at++] = SearchCodec.Alphabet[(int)(32 | (v & 31))];
            v >>= 5;
        }
        chars[at++] = SearchCodec.Alphabet[(int)v];
        return at;
    }

    public static int Level(float score, double max) =>
        Math.Clamp((int)Math.Round(score / max * SearchSchema.ScoreLevels, MidpointRounding.AwayFromZero), 1, SearchSchema.ScoreLevels);

    private static void WriteCards(SearchIndexData data, SearchIndexOptions options, IDictionary<string, string> files,
        SearchCardState? previous, Func<string, bool>? keep, UInt128[] inputKeys, UInt128[] contentHashes, List<string> kept)
    {
        var key = new XxHash128();
        for (var chunk = 0; chunk < inputKeys.Length; chunk++)
        {
            var (start, end) = (chunk * options.CardsPerChunk, Math.Min(data.Docs.Count, (chunk + 1) * options.CardsPerChunk));
            var name = CardName(chunk);
            // Everything the chunk's text is made from (the options are in the card state).
            for (var s = start; s < end; s++)
            {
                var d = data.Docs.Count - 1 - s;
                var p = data.Docs[d];
                AppendKey(key, p.Id);
                AppendKey(key, p.Title);
                AppendKey(key, ShortAuthors(p));
                AppendKey(key, p.Upvotes ?? -1);
                AppendKey(key, data.DocTopics[d].Count);
                foreach (var t in data.DocTopics[d])
                {
                    AppendKey(key, t);
                }
                AppendKey(key, p.Abstract is null ? -1 : 1);
                AppendKey(key, p.Abstract ?? "");
            }
            AppendKey(key, end - start);
            inputKeys[chunk] = key.GetCurrentHashAsUInt128();
            key.Reset();
            if (previous is not null && chunk < previous.InputKeys.Length && previous.InputKeys[chunk] == inputKeys[chunk] && keep is not null && keep(name))
            {
                contentHashes[chunk] = previous.ContentHashes[chunk];
                kept.Add(name);
                continue;
            }
            var cards = new List<object>();
            for (var s = start; s < end; s++)
            {
                var d = data.Docs.Count - 1 - s;
                var p = data.Docs[d];
                cards.Add(new object?[]
                {
                    Slug.ForPaperId(p.Id),
                    p.Title,
                    ShortAuthors(p),
                    p.Upvotes ?? -1,
                    data.DocTopics[d],
                    SnippetSource(p.Abstract, options.SnippetSourceChars),
                });
            }
            var text = Script("c", chunk, cards);
            contentHashes[chunk] = ContentHash(text);
            files[name] = text;
        }
    }

    private static void AppendKey(XxHash128 hash, string text)
    {
        AppendKey(hash, text.Length);
        hash.Append(System.Runtime.InteropServices.MemoryMarshal.AsBytes(text.AsSpan()));
    }

    private static void AppendKey(XxHash128 hash, int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BitConverter.TryWriteBytes(bytes, value);
        hash.Append(bytes);
    }

    private static void WriteUpvotes(SearchIndexData data, SearchIndexOptions options, IDictionary<string, string> files)
    {
        for (var chunk = 0; chunk * options.UpvotesPerChunk < data.Docs.Count; chunk++)
        {
            var sb = new StringBuilder();
            for (var s = chunk * options.UpvotesPerChunk; s < Math.Min(data.Docs.Count, (chunk + 1) * options.UpvotesPerChunk); s++)
            {
                var u = Math.Clamp(data.Docs[data.Docs.Count - 1 - s].Upvotes ?? 0, 0, 4095);
                sb.Append(SearchCodec.Digit(u >> 6)).Append(SearchCodec.Digit(u & 63));
            }
            files["u" + chunk.ToString(CultureInfo.InvariantCulture) + ".js"] = Script("u", chunk, sb.ToString());
        }
    }

    private static int[] WriteTopics(SearchIndexData data, IDictionary<string, string> files)
    {
        var counts = new int[data.Topics.Count];
        var lists = Enumerable.Range(0, data.Topics.Count).Select(_ => new List<int>()).ToArray();
        for (var s = 0; s < data.Docs.Count; s++)
        {
            foreach (var t in data.DocTopics[data.Docs.Count - 1 - s])
            {
                lists[t].Add(s);
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

    private static string[] PaperLinkParts()
    {
        const string sample = "2401.01234";
        var (page, slug) = (SiteUrls.Paper(sample), Slug.ForPaperId(sample));
        var at = page.IndexOf(slug, StringComparison.Ordinal);
        return at >= 0 ? [page[..at], page[(at + slug.Length)..]] : throw new InvalidOperationException("SiteUrls.Paper does not embed the paper's slug");
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
        // Whitespace runs become one space, leading and trailing ones go (the words of the text joined by
        // spaces); only the first maxChars + 1 characters of that are needed, so stop there.
        var flatChars = maxChars < 4096 ? stackalloc char[maxChars + 1] : new char[maxChars + 1];
        var length = 0;
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = length > 0;
                continue;
            }
            if (space)
            {
                flatChars[length++] = ' ';
                space = false;
                if (length == flatChars.Length)
                {
                    break;
                }
            }
            flatChars[length++] = c;
            if (length == flatChars.Length)
            {
                break;
            }
        }
        if (length <= maxChars)
        {
            return new string(flatChars[..length]);
        }
        ReadOnlySpan<char> flat = flatChars;
        var cut = flat.LastIndexOf(' ');
        if (cut < maxChars / 2)
        {
            cut = maxChars;
        }
        if (char.IsHighSurrogate(flat[cut - 1]))
        {
            cut--;
        }
        return string.Concat(flat[..cut], " …");
    }

    private static string DayKey(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>
    /// <c>__paSearch.add(kind, number, data);</c> with <paramref name="data"/> as JSON: the bytes
    /// <see cref="JsonSerializer"/> gives (same writer, same escaping), written without its per-element type
    /// dispatch — thousands of card and postings files made that a large part of the index step.
    /// </summary>
    internal static string Script(string kind, int number, object data)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1 << 14);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        WriteValue(writer, data);
        writer.Flush();
        return "__paSearch.add(\"" + kind + "\"," + number.ToString(CultureInfo.InvariantCulture) + "," + Encoding.UTF8.GetString(buffer.WrittenSpan) + ");\n";
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case float number:
                writer.WriteNumberValue(number);
                break;
            case IReadOnlyList<int> numbers:
                writer.WriteStartArray();
                foreach (var n in numbers)
                {
                    writer.WriteNumberValue(n);
                }
                writer.WriteEndArray();
                break;
            case System.Collections.IDictionary:
                JsonSerializer.Serialize(writer, value, value.GetType());
                break;
            case System.Collections.IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }
                writer.WriteEndArray();
                break;
            default:
                JsonSerializer.Serialize(writer, value, value.GetType());
                break;
        }
    }
}
