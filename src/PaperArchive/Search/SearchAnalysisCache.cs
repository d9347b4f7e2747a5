using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace PaperArchive.Search;

/// <summary>
/// Papers already analysed for search, keyed by SHA-256 of their field texts and the analyzer's version:
/// an incremental build analyses only papers whose searchable text changed (a new day: its 20 papers, not
/// the archive's 20,000). Kept beside the site manifest (<c>site/.paperarchive/search-analysis.bin</c>) and
/// only ever a shortcut: the terms are exactly what <see cref="SearchAnalyzer"/> gives for the same text,
/// so a build with the cache writes the same bytes as one without; a damaged, foreign or missing file is
/// an empty cache. Saving keeps only the papers of the last build, so it never grows with dead entries.
/// Thread-safe while a build fills it.
/// </summary>
public sealed class SearchAnalysisCache
{
    /// <summary>File name inside the site's build-state folder.</summary>
    public const string FileName = "search-analysis.bin";

    /// <summary>
    /// Changes whenever analysis could give other terms: the chain (<see cref="SearchAnalyzer"/>), the Lucene
    /// build, the fields. An old cache is then ignored.
    /// </summary>
    public static readonly string AnalyzerVersion =
        "english-1;" + SearchAnalyzer.Version + ";" + typeof(Lucene.Net.Analysis.En.EnglishAnalyzer).Assembly.GetName().Version + ";" + string.Join(",", SearchSchema.Fields);

    private static readonly byte[] Magic = "PASA"u8.ToArray();

    /// <summary>2: the cards of the last build follow the papers (<see cref="SearchCardState"/>).</summary>
    private const int Format = 2;

    private readonly Dictionary<Key, SearchPaperTerms> _previous;

    // The file read and where its term table lies: saving copies the table and every entry read from it as
    // they are (their ids still index the same table), and encodes only what this build analysed.
    private (byte[] Bytes, int TableStart, int TableEnd)? _source;
    private readonly ConcurrentDictionary<Key, SearchPaperTerms> _current = new();
    private int _hits;

    private SearchAnalysisCache(Dictionary<Key, SearchPaperTerms> previous, string[] table, SearchCardState? previousCards = null)
    {
        _previous = previous;
        Table = table;
        PreviousCards = previousCards;
    }

    public static SearchAnalysisCache Empty() => new([], []);

    /// <summary>The cards of the build that wrote the file read (null when unknown).</summary>
    internal SearchCardState? PreviousCards { get; }

    /// <summary>The cards of this build, set by <see cref="SearchIndexWriter"/>; saved for the next build.</summary>
    internal SearchCardState? CurrentCards { get; set; }

    /// <summary>The terms of the file read, which every cached paper's ids refer to.</summary>
    internal string[] Table { get; }

    /// <summary>Papers remembered from the last build.</summary>
    public int Count => _previous.Count;

    /// <summary>Papers of this build found in the cache (not analysed again).</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <summary>Papers of this build (found or analysed): what <see cref="Save"/> writes.</summary>
    public int Current => _current.Count;

    /// <summary>The cache key of a paper's field texts.</summary>
    internal static Key KeyOf(string[] texts)
    {
        // The SHA-256 of: the analyzer version's UTF-8, then per text its length (4 bytes) and UTF-8,
        // hashed in one call over a reused buffer (an incremental hash object per paper cost more than the hashing).
        var size = VersionBytes.Length;
        foreach (var text in texts)
        {
            size += 4 + Encoding.UTF8.GetMaxByteCount(text.Length);
        }
        var buffer = t_keyBuffer is { } reused && reused.Length >= size ? reused : t_keyBuffer = new byte[Math.Max(size, 8192)];
        VersionBytes.CopyTo(buffer, 0);
        var at = VersionBytes.Length;
        foreach (var text in texts)
        {
            // Lengths, not separators: no text can imitate a field boundary.
            BitConverter.TryWriteBytes(buffer.AsSpan(at, 4), text.Length);
            at += 4;
            at += Encoding.UTF8.GetBytes(text, buffer.AsSpan(at));
        }
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer.AsSpan(0, at), hash);
        return new Key(
            BitConverter.ToUInt64(hash[..8]), BitConverter.ToUInt64(hash[8..16]),
            BitConverter.ToUInt64(hash[16..24]), BitConverter.ToUInt64(hash[24..32]));
    }

    private static readonly byte[] VersionBytes = Encoding.UTF8.GetBytes(AnalyzerVersion);

    [ThreadStatic]
    private static byte[]? t_keyBuffer;

    /// <summary>The paper's terms when its texts were analysed before, else analyses them with <paramref name="analyze"/>; remembers them either way.</summary>
    internal SearchPaperTerms GetOrAnalyze(string[] texts, Func<string[], SearchPaperTerms> analyze)
    {
        var key = KeyOf(texts);
        if (_current.TryGetValue(key, out var terms))
        {
            return terms;
        }
        if (_previous.TryGetValue(key, out terms))
        {
            Interlocked.Increment(ref _hits);
        }
        else
        {
            terms = analyze(texts);
        }
        _current.TryAdd(key, terms);
        return terms;
    }

    /// <summary>The cache in <paramref name="file"/>; empty when there is none or it cannot be read.</summary>
    public static SearchAnalysisCache Load(string file)
    {
        try
        {
            return File.Exists(file) ? Parse(File.ReadAllBytes(file)) : Empty();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentException or OverflowException)
        {
            return Empty();
        }
    }

    /// <summary>The whole file parsed from memory (a stream reader call per number made loading cost as much as analysing).</summary>
    private static SearchAnalysisCache Parse(byte[] bytes)
    {
        var pos = 0;
        if (!bytes.AsSpan().StartsWith(Magic))
        {
            return Empty();
        }
        pos += Magic.Length;
        if (bytes.Length < pos + 4 || BitConverter.ToInt32(bytes, pos) != Format)
        {
            return Empty();
        }
        pos += 4;
        if (ReadString(bytes, ref pos) != AnalyzerVersion)
        {
            return Empty();
        }
        var fields = SearchSchema.Fields.Count;
        var terms = new string[ReadCount(bytes, ref pos)];
        var tableStart = pos;
        for (var i = 0; i < terms.Length; i++)
        {
            terms[i] = ReadString(bytes, ref pos);
        }
        var tableEnd = pos;
        var count = ReadCount(bytes, ref pos);
        var entries = new Dictionary<Key, SearchPaperTerms>(count);
        // Scratch for one paper's numbers, copied out at their exact size (lists grown per paper made loading mostly copying and collecting).
        var ids = new int[1024];
        var tfs = new int[1024];
        for (var e = 0; e < count; e++)
        {
            if (pos + 32 > bytes.Length)
            {
                throw new FormatException("Truncated search analysis cache");
            }
            var entryStart = pos;
            var key = new Key(
                BitConverter.ToUInt64(bytes, pos), BitConverter.ToUInt64(bytes, pos + 8),
                BitConverter.ToUInt64(bytes, pos + 16), BitConverter.ToUInt64(bytes, pos + 24));
            pos += 32;
            var starts = new int[fields + 1];
            var lengths = new int[fields];
            var n = 0;
            for (var f = 0; f < fields; f++)
            {
                lengths[f] = ReadInt(bytes, ref pos);
                var fieldCount = ReadCount(bytes, ref pos);
                starts[f] = n;
                if (n + fieldCount > ids.Length)
                {
                    Array.Resize(ref ids, Math.Max(2 * ids.Length, n + fieldCount));
                    Array.Resize(ref tfs, ids.Length);
                }
                for (var i = 0; i < fieldCount; i++, n++)
                {
                    var id = ReadInt(bytes, ref pos);
                    ids[n] = id < terms.Length ? id : throw new FormatException("Unknown term in the search analysis cache");
                    tfs[n] = ReadInt(bytes, ref pos);
                }
            }
            starts[fields] = n;
            entries[key] = new SearchPaperTerms(terms, ids.AsSpan(0, n).ToArray(), tfs.AsSpan(0, n).ToArray(), starts, lengths)
            {
                Source = (entryStart, pos - entryStart),
            };
        }
        SearchCardState? cards = null;
        if (ReadInt(bytes, ref pos) == 1)
        {
            var root = ReadHash(bytes, ref pos);
            var (perChunk, snippet) = (ReadInt(bytes, ref pos), ReadInt(bytes, ref pos));
            var chunks = ReadCount(bytes, ref pos);
            var inputs = new UInt128[chunks];
            var contents = new UInt128[chunks];
            for (var c = 0; c < chunks; c++)
            {
                inputs[c] = ReadHash(bytes, ref pos);
                contents[c] = ReadHash(bytes, ref pos);
            }
            cards = new SearchCardState(root, perChunk, snippet, inputs, contents);
        }
        if (pos != bytes.Length)
        {
            throw new FormatException("Trailing bytes in the search analysis cache");
        }
        return new SearchAnalysisCache(entries, terms, cards) { _source = (bytes, tableStart, tableEnd) };
    }

    /// <summary>A 7-bit encoded non-negative number (as <see cref="BinaryWriter.Write7BitEncodedInt"/> writes it).</summary>
    private static int ReadInt(byte[] bytes, ref int pos)
    {
        var value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = bytes[pos++];
            value |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value >= 0 ? value : throw new FormatException("Negative number in the search analysis cache");
            }
        }
        throw new FormatException("Bad number in the search analysis cache");
    }

    private static UInt128 ReadHash(byte[] bytes, ref int pos)
    {
        if (pos + 16 > bytes.Length)
        {
            throw new FormatException("Truncated search analysis cache");
        }
        var value = new UInt128(BitConverter.ToUInt64(bytes, pos + 8), BitConverter.ToUInt64(bytes, pos));
        pos += 16;
        return value;
    }

    /// <summary>A count, refused when the rest of the file could not hold that many items (a damaged file must not allocate gigabytes).</summary>
    private static int ReadCount(byte[] bytes, ref int pos)
    {
        var n = ReadInt(bytes, ref pos);
        return n <= bytes.Length - pos + 1 ? n : throw new FormatException("Implausible count in the search analysis cache");
    }

    /// <summary>A string as <see cref="BinaryWriter.Write(string)"/> writes it: UTF-8 byte length, then the bytes.</summary>
    private static string ReadString(byte[] bytes, ref int pos)
    {
        var length = ReadCount(bytes, ref pos);
        if (pos + length > bytes.Length)
        {
            throw new FormatException("Truncated search analysis cache");
        }
        var text = Encoding.UTF8.GetString(bytes, pos, length);
        pos += length;
        return text;
    }

    /// <summary>Writes the papers of this build (atomically; entries in key order, terms in first use).</summary>
    public void Save(string file) => Write(file, ToBytes());

    /// <summary>Writes bytes made by <see cref="ToBytes"/> (the build serialises the cache as soon as the index is built and lets go of it).</summary>
    public static void Write(string file, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        Common.AtomicFile.WriteAllBytes(file, bytes);
    }

    /// <summary>The file's bytes (see <see cref="Save"/>).</summary>
    public byte[] ToBytes()
    {
        var entries = _current.OrderBy(kv => kv.Key).ToList();
        // The table read stays as it was (its papers' ids are written as they are); terms of papers
        // analysed this build are appended. (Terms of papers since removed stay in the table: a few
        // bytes each, and the vocabulary grows slowly.)
        var terms = new List<string>(Table);
        Dictionary<string, int>? termIds = null;
        var fresh = new Dictionary<SearchPaperTerms, int[]>(ReferenceEqualityComparer.Instance);
        foreach (var (_, paper) in entries)
        {
            if (ReferenceEquals(paper.Table, Table))
            {
                continue;
            }
            if (termIds is null)
            {
                termIds = new Dictionary<string, int>(Table.Length, StringComparer.Ordinal);
                for (var i = 0; i < Table.Length; i++)
                {
                    termIds.TryAdd(Table[i], i);
                }
            }
            var mapped = new int[paper.Ids.Length];
            for (var i = 0; i < mapped.Length; i++)
            {
                var term = paper.Table[paper.Ids[i]];
                if (!termIds.TryGetValue(term, out var id))
                {
                    id = terms.Count;
                    termIds.Add(term, id);
                    terms.Add(term);
                }
                mapped[i] = id;
            }
            fresh[paper] = mapped;
        }
        using var buffer = new MemoryStream((_source?.Bytes.Length ?? 0) + (1 << 16));
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Format);
            writer.Write(AnalyzerVersion);
            writer.Write7BitEncodedInt(terms.Count);
            var copied = 0;
            if (_source is var (source, tableStart, tableEnd))
            {
                writer.Write(source, tableStart, tableEnd - tableStart);
                copied = Table.Length;
            }
            for (var t = copied; t < terms.Count; t++)
            {
                writer.Write(terms[t]);
            }
            writer.Write7BitEncodedInt(entries.Count);
            foreach (var (key, paper) in entries)
            {
                if (_source is not null && ReferenceEquals(paper.Table, Table) && paper.Source is var (start, length))
                {
                    writer.Write(_source.Value.Bytes, start, length);
                    continue;
                }
                writer.Write(key.A);
                writer.Write(key.B);
                writer.Write(key.C);
                writer.Write(key.D);
                var ids = ReferenceEquals(paper.Table, Table) ? paper.Ids : fresh[paper];
                for (var f = 0; f < paper.Lengths.Length; f++)
                {
                    writer.Write7BitEncodedInt(paper.Lengths[f]);
                    writer.Write7BitEncodedInt(paper.Starts[f + 1] - paper.Starts[f]);
                    for (var i = paper.Starts[f]; i < paper.Starts[f + 1]; i++)
                    {
                        writer.Write7BitEncodedInt(ids[i]);
                        writer.Write7BitEncodedInt(paper.Frequencies[i]);
                    }
                }
            }
            if (CurrentCards is { } cards)
            {
                writer.Write7BitEncodedInt(1);
                WriteHash(writer, cards.RootHash);
                writer.Write7BitEncodedInt(cards.CardsPerChunk);
                writer.Write7BitEncodedInt(cards.SnippetSourceChars);
                writer.Write7BitEncodedInt(cards.InputKeys.Length);
                for (var c = 0; c < cards.InputKeys.Length; c++)
                {
                    WriteHash(writer, cards.InputKeys[c]);
                    WriteHash(writer, cards.ContentHashes[c]);
                }
            }
            else
            {
                writer.Write7BitEncodedInt(0);
            }
        }
        return buffer.ToArray();
    }

    private static void WriteHash(BinaryWriter writer, UInt128 value)
    {
        writer.Write((ulong)value);
        writer.Write((ulong)(value >> 64));
    }

    /// <summary>A SHA-256 as four numbers (cheap to hash and compare).</summary>
    internal readonly record struct Key(ulong A, ulong B, ulong C, ulong D) : IComparable<Key>
    {
        public int CompareTo(Key other)
        {
            var c = A.CompareTo(other.A);
            c = c != 0 ? c : B.CompareTo(other.B);
            c = c != 0 ? c : C.CompareTo(other.C);
            return c != 0 ? c : D.CompareTo(other.D);
        }
    }
}
