using System.IO.Hashing;
using System.Text;
using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Topics;

/// <summary>
/// What the topics stage learned about each paper on its own, kept between builds so an incremental build
/// analyses only new or changed papers: the paper's similarity terms (stems of title ×2, keywords and
/// abstract with boosted frequencies, see <see cref="SimilarityTerms"/>) and which topic queries match it.
/// Entries are keyed by paper id and a hash of exactly the fields the stage analyses (title, abstract,
/// keywords with their acronym expansions, author names, organisation and handle); the whole cache by the
/// engine (this program's build and Lucene's version: any code change may analyse differently). Everything
/// corpus-wide (idf, similar lists, keyword concepts) is recomputed every build from these per-paper parts.
/// <para>Only ever a shortcut: a missing, damaged (checksum) or foreign-engine file loads as empty, a
/// paper whose hash differs is analysed again, and a topic query the cache has not evaluated makes the
/// stage analyse every paper. The build keeps it in <c>site/.paperarchive/</c> (<see cref="FileName"/>).</para>
/// </summary>
public sealed class TopicAnalysisCache
{
    /// <summary>File name of the cache inside the site's build-state folder.</summary>
    public const string FileName = "topics-analysis.bin";

    /// <summary>2: XXH128 paper hashes and checksum (1: SHA-256), keywords' analysis after the papers.</summary>
    private const int Format = 2;
    private const int HashLength = 16;
    private const int ChecksumLength = 16;
    private static readonly byte[] Magic = "PATA"u8.ToArray();

    /// <summary>This program's analysis engine: the assembly build (MVID) and Lucene's version.</summary>
    public static string CurrentEngine { get; } =
        typeof(TopicAnalysisCache).Assembly.ManifestModule.ModuleVersionId.ToString("N") + "/" +
        typeof(Lucene.Net.Index.IndexWriter).Assembly.GetName().Version + "/" + Format.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private readonly Dictionary<string, Entry> _entries;

    internal TopicAnalysisCache(string engine, IReadOnlyList<string> queries, Dictionary<string, Entry> entries, IReadOnlyDictionary<string, KeywordParts>? keywords = null)
    {
        Engine = engine;
        Queries = queries;
        _entries = entries;
        Keywords = keywords ?? new Dictionary<string, KeywordParts>(StringComparer.Ordinal);
    }

    /// <summary>Each raw keyword of the papers, analysed (<see cref="KeywordNormalizer.Analyzed"/>).</summary>
    internal IReadOnlyDictionary<string, KeywordParts> Keywords { get; }

    /// <summary>The engine the entries were computed by.</summary>
    public string Engine { get; }

    /// <summary>The topic queries (as written) whose matches every entry records.</summary>
    public IReadOnlyList<string> Queries { get; }

    /// <summary>The entries by paper id.</summary>
    internal IReadOnlyDictionary<string, Entry> Entries => _entries;

    /// <summary>The ids of the papers remembered, in no particular order.</summary>
    public IEnumerable<string> PaperIds => _entries.Keys;

    /// <summary>Papers remembered.</summary>
    public int Count => _entries.Count;

    public static TopicAnalysisCache Empty() => new(CurrentEngine, [], new Dictionary<string, Entry>(StringComparer.Ordinal));

    /// <summary>
    /// The similarity terms remembered for a paper: each stem of title (frequency ×2), keywords and
    /// abstract with its summed frequency, in index order. Other stages may reuse them (a paper's
    /// English-analysed, Porter-stemmed vocabulary); the cache in <see cref="TopicAnalysisResult.Cache"/>
    /// holds exactly the papers of the archive just analysed, so there they are never stale.
    /// </summary>
    public bool TryGetSimilarityTerms(string paperId, out IReadOnlyList<(string Term, int Frequency)> terms)
    {
        if (_entries.TryGetValue(paperId, out var entry))
        {
            terms = entry.Terms;
            return true;
        }
        terms = [];
        return false;
    }

    internal bool TryGet(string id, byte[] hash, out Entry entry) =>
        _entries.TryGetValue(id, out entry!) && entry.Hash.AsSpan().SequenceEqual(hash);

    /// <summary>
    /// XXH128 of exactly what the stage analyses of a paper (each field length-prefixed, so no two papers collide by
    /// concatenation). Not a cryptographic hash: the cache only saves work on the builder's own archive, and 128 bits
    /// make an accidental collision between a paper's old and new text negligible; SHA-256 cost 0.15 s CPU at 20,000 papers.
    /// </summary>
    internal static byte[] Hash(Paper paper, string keywordText)
    {
        var hash = new XxHash128();
        void Add(string? s)
        {
            if (s is null)
            {
                hash.Append([0xFF]);
                return;
            }
            Span<byte> length = stackalloc byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, s.Length);
            hash.Append(length);
            hash.Append(MemoryMarshalBytes(s));
        }
        Add(paper.Title);
        Add(paper.Abstract);
        Add(keywordText);
        Add(paper.Organization);
        Add(paper.OrganizationHandle);
        foreach (var author in paper.Authors)
        {
            Add(author.Name);
        }
        return hash.GetCurrentHash();
    }

    /// <summary>The UTF-16 code units as bytes (not UTF-8, which would map different unpaired surrogates alike).</summary>
    private static ReadOnlySpan<byte> MemoryMarshalBytes(string s) => System.Runtime.InteropServices.MemoryMarshal.AsBytes(s.AsSpan());

    /// <summary>
    /// The cache in <paramref name="file"/>; empty when there is none, it cannot be read, its checksum
    /// fails, or it was written by another engine than <paramref name="engine"/> (default: this program).
    /// </summary>
    public static TopicAnalysisCache Load(string file, string? engine = null)
    {
        engine ??= CurrentEngine;
        try
        {
            if (!File.Exists(file))
            {
                return Empty();
            }
            return Parse(File.ReadAllBytes(file), engine) ?? Empty();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Empty();
        }
    }

    /// <summary>The cache in <paramref name="bytes"/> (a file's content), or null when it is damaged, of another format or of another engine.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static TopicAnalysisCache? Parse(byte[] bytes, string engine)
    {
        if (bytes.Length < Magic.Length + ChecksumLength || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            return null;
        }
        var body = bytes.AsSpan(0, bytes.Length - ChecksumLength);
        if (!XxHash128.Hash(body).AsSpan().SequenceEqual(bytes.AsSpan(body.Length)))
        {
            return null;
        }
        var reader = new SpanReader(body, Magic.Length);
        if (!reader.TryInt32(out var format) || format != Format || !reader.TryString(out var written) || written != engine)
        {
            return null;
        }
        if (!reader.TryCount(out var queryCount))
        {
            return null;
        }
        var queries = new string[queryCount];
        for (var i = 0; i < queries.Length; i++)
        {
            if (!reader.TryString(out queries[i]))
            {
                return null;
            }
        }
        if (!reader.TryCount(out var stringCount))
        {
            return null;
        }
        var strings = new string[stringCount];
        for (var i = 0; i < strings.Length; i++)
        {
            if (!reader.TryString(out strings[i]))
            {
                return null;
            }
        }
        if (!reader.TryCount(out var papers))
        {
            return null;
        }
        var entries = new Dictionary<string, Entry>(papers, StringComparer.Ordinal);
        for (var p = 0; p < papers; p++)
        {
            if (!reader.TryString(out var id) || !reader.TryBytes(HashLength, out var hash) || !reader.TryCount(out var termCount))
            {
                return null;
            }
            var terms = new (string, int)[termCount];
            for (var t = 0; t < terms.Length; t++)
            {
                if (!reader.TryIndex(strings.Length, out var term) || !reader.TryCount(out var frequency))
                {
                    return null;
                }
                terms[t] = (strings[term], frequency);
            }
            if (!reader.TryCount(out var topicCount))
            {
                return null;
            }
            var topics = new int[topicCount];
            for (var t = 0; t < topics.Length; t++)
            {
                if (!reader.TryIndex(queries.Length, out topics[t]))
                {
                    return null;
                }
            }
            entries[id] = new Entry(hash, terms, topics);
        }
        if (!reader.TryCount(out var keywordCount))
        {
            return null;
        }
        var keywords = new Dictionary<string, KeywordParts>(keywordCount, StringComparer.Ordinal);
        for (var k = 0; k < keywordCount; k++)
        {
            if (!reader.TryString(out var raw) || !reader.TryCount(out var flags) || flags > 15)
            {
                return null;
            }
            var surface = raw;
            var withExpansions = raw;
            string? acronymKey = null;
            string? expansionNode = null;
            if (((flags & 1) == 0 && !reader.TryString(out surface)) || ((flags & 2) == 0 && !reader.TryString(out withExpansions)) ||
                !reader.TryString(out var node) || !reader.TryString(out var squashed) ||
                ((flags & 4) != 0 && !reader.TryString(out acronymKey)) || ((flags & 8) != 0 && !reader.TryString(out expansionNode)))
            {
                return null;
            }
            keywords[raw] = new KeywordParts(surface, node, squashed, acronymKey, expansionNode, withExpansions);
        }
        return reader.AtEnd ? new TopicAnalysisCache(engine, queries, entries, keywords) : null;
    }

    /// <summary>Writes the cache atomically (papers in id order, strings in first-use order: the same analysis gives the same bytes).</summary>
    public void Save(string file) => Write(file, ToBytes());

    /// <summary>Writes bytes made by <see cref="ToBytes"/> (the build serialises the cache early and lets go of it: its terms are a hundred megabytes at 20,000 papers).</summary>
    public static void Write(string file, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        AtomicFile.WriteAllBytes(file, bytes);
    }

    /// <summary>The file's bytes (see <see cref="Save"/>); compiled optimised at once, like the reading, as a build runs it once.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public byte[] ToBytes()
    {
        var ids = _entries.Keys.ToArray();
        Array.Sort(ids, StringComparer.Ordinal);
        // The papers are written first into their own buffer, numbering term strings as they come; the head (engine,
        // queries, strings) then goes before them. Term strings are shared between papers (interned by the analysis,
        // one instance per string when loaded), so most are numbered by reference; an equal string met as another
        // instance gets the number of the first.
        var byText = new Dictionary<string, int>(StringComparer.Ordinal);
        var byInstance = new Dictionary<string, int>(ReferenceEqualityComparer.Instance);
        var strings = new List<string>();
        var papers = new SpanWriter(1 << 22);
        papers.Count(ids.Length);
        foreach (var id in ids)
        {
            var entry = _entries[id];
            papers.String(id);
            papers.Bytes(entry.Hash);
            papers.Count(entry.Terms.Length);
            foreach (var (term, frequency) in entry.Terms)
            {
                if (!byInstance.TryGetValue(term, out var number))
                {
                    if (!byText.TryGetValue(term, out number))
                    {
                        byText[term] = number = strings.Count;
                        strings.Add(term);
                    }
                    byInstance[term] = number;
                }
                papers.Count(number);
                papers.Count(frequency);
            }
            papers.Count(entry.Topics.Length);
            foreach (var t in entry.Topics)
            {
                papers.Count(t);
            }
        }
        // Keywords in ordinal order; the surface form and the written-out form are mostly the keyword itself (flags 1, 2).
        var raws = Keywords.Keys.ToArray();
        Array.Sort(raws, StringComparer.Ordinal);
        papers.Count(raws.Length);
        foreach (var raw in raws)
        {
            var k = Keywords[raw];
            papers.String(raw);
            papers.Count((k.Surface == raw ? 1 : 0) | (k.WithExpansions == raw ? 2 : 0) | (k.AcronymKey is null ? 0 : 4) | (k.ExpansionNode is null ? 0 : 8));
            if (k.Surface != raw)
            {
                papers.String(k.Surface);
            }
            if (k.WithExpansions != raw)
            {
                papers.String(k.WithExpansions);
            }
            papers.String(k.Node);
            papers.String(k.Squashed);
            if (k.AcronymKey is not null)
            {
                papers.String(k.AcronymKey);
            }
            if (k.ExpansionNode is not null)
            {
                papers.String(k.ExpansionNode);
            }
        }
        var head = new SpanWriter(1 << 20);
        head.Bytes(Magic);
        head.Int32(Format);
        head.String(Engine);
        head.Count(Queries.Count);
        foreach (var q in Queries)
        {
            head.String(q);
        }
        head.Count(strings.Count);
        foreach (var s in strings)
        {
            head.String(s);
        }
        var bytes = new byte[head.Length + papers.Length + ChecksumLength];
        head.Written.CopyTo(bytes);
        papers.Written.CopyTo(bytes.AsSpan(head.Length));
        var body = head.Length + papers.Length;
        XxHash128.Hash(bytes.AsSpan(0, body), bytes.AsSpan(body));
        return bytes;
    }

    /// <summary>Little-endian writes of the file's few shapes (7-bit counts, length-prefixed UTF-8) into a growing array.</summary>
    private struct SpanWriter(int capacity)
    {
        private byte[] _buffer = new byte[capacity];
        private int _length;

        public readonly int Length => _length;

        public void Bytes(ReadOnlySpan<byte> bytes)
        {
            Ensure(bytes.Length);
            bytes.CopyTo(_buffer.AsSpan(_length));
            _length += bytes.Length;
        }

        public void Int32(int value)
        {
            Ensure(4);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_length), value);
            _length += 4;
        }

        /// <summary>A non-negative number, 7 bits a byte (as <see cref="BinaryWriter.Write7BitEncodedInt"/>).</summary>
        public void Count(int value)
        {
            Ensure(5);
            var v = (uint)value;
            while (v >= 0x80)
            {
                _buffer[_length++] = (byte)(v | 0x80);
                v >>= 7;
            }
            _buffer[_length++] = (byte)v;
        }

        public void String(string value)
        {
            var max = Encoding.UTF8.GetMaxByteCount(value.Length);
            Ensure(max + 5);
            var count = Encoding.UTF8.GetByteCount(value);
            Count(count);
            _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
        }

        public readonly ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

        private void Ensure(int more)
        {
            if (_length + more > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
            }
        }
    }

    /// <summary>Reads what <see cref="SpanWriter"/> wrote; every read says false instead of throwing when the bytes run out or are out of range.</summary>
    private ref struct SpanReader(ReadOnlySpan<byte> bytes, int position)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _position = position;

        public readonly bool AtEnd => _position == _bytes.Length;

        public bool TryInt32(out int value)
        {
            value = 0;
            if (_bytes.Length - _position < 4)
            {
                return false;
            }
            value = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(_bytes[_position..]);
            _position += 4;
            return true;
        }

        /// <summary>A 7-bit encoded number of at most 100,000,000 (a count, term number or frequency).</summary>
        public bool TryCount(out int value)
        {
            value = 0;
            var shift = 0;
            while (_position < _bytes.Length && shift < 35)
            {
                var b = _bytes[_position++];
                value |= (b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value is >= 0 and <= 100_000_000;
                }
                shift += 7;
            }
            return false;
        }

        public bool TryIndex(int count, out int value) => TryCount(out value) && value < count;

        public bool TryString(out string value)
        {
            value = "";
            if (!TryCount(out var length) || _bytes.Length - _position < length)
            {
                return false;
            }
            value = Encoding.UTF8.GetString(_bytes.Slice(_position, length));
            _position += length;
            return true;
        }

        public bool TryBytes(int length, out byte[] value)
        {
            value = [];
            if (_bytes.Length - _position < length)
            {
                return false;
            }
            value = _bytes.Slice(_position, length).ToArray();
            _position += length;
            return true;
        }
    }

    /// <summary>One paper: the hash of its analysed fields, its similarity terms, and the indexes in <see cref="Queries"/> of the queries matching it.</summary>
    internal sealed record Entry(byte[] Hash, (string Term, int Frequency)[] Terms, int[] Topics);
}
