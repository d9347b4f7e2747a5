using System.Security.Cryptography;
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

    private const int Format = 1;
    private static readonly byte[] Magic = "PATA"u8.ToArray();

    /// <summary>This program's analysis engine: the assembly build (MVID) and Lucene's version.</summary>
    public static string CurrentEngine { get; } =
        typeof(TopicAnalysisCache).Assembly.ManifestModule.ModuleVersionId.ToString("N") + "/" +
        typeof(Lucene.Net.Index.IndexWriter).Assembly.GetName().Version + "/" + Format.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private readonly Dictionary<string, Entry> _entries;

    internal TopicAnalysisCache(string engine, IReadOnlyList<string> queries, Dictionary<string, Entry> entries)
    {
        Engine = engine;
        Queries = queries;
        _entries = entries;
    }

    /// <summary>The engine the entries were computed by.</summary>
    public string Engine { get; }

    /// <summary>The topic queries (as written) whose matches every entry records.</summary>
    public IReadOnlyList<string> Queries { get; }

    /// <summary>The entries by paper id.</summary>
    internal IReadOnlyDictionary<string, Entry> Entries => _entries;

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

    /// <summary>SHA-256 of exactly what the stage analyses of a paper (each field length-prefixed, so no two papers collide by concatenation).</summary>
    internal static byte[] Hash(Paper paper, string keywordText)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string? s)
        {
            if (s is null)
            {
                hash.AppendData([0xFF]);
                return;
            }
            Span<byte> length = stackalloc byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, s.Length);
            hash.AppendData(length);
            hash.AppendData(MemoryMarshalBytes(s));
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
        return hash.GetHashAndReset();
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
            var bytes = File.ReadAllBytes(file);
            if (bytes.Length < Magic.Length + 32 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            {
                return Empty();
            }
            var body = bytes.AsSpan(0, bytes.Length - 32);
            if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32)))
            {
                return Empty();
            }
            using var reader = new Common.ByteArrayReader(bytes, Magic.Length, body.Length - Magic.Length, Encoding.UTF8);
            if (reader.ReadInt32() != Format || reader.ReadString() != engine)
            {
                return Empty();
            }
            var queries = new string[ReadCount(reader)];
            for (var i = 0; i < queries.Length; i++)
            {
                queries[i] = reader.ReadString();
            }
            var strings = new string[ReadCount(reader)];
            for (var i = 0; i < strings.Length; i++)
            {
                strings[i] = reader.ReadString();
            }
            var papers = ReadCount(reader);
            var entries = new Dictionary<string, Entry>(papers, StringComparer.Ordinal);
            for (var p = 0; p < papers; p++)
            {
                var id = reader.ReadString();
                var hash = reader.ReadBytes(32);
                var terms = new (string, int)[ReadCount(reader)];
                for (var t = 0; t < terms.Length; t++)
                {
                    terms[t] = (strings[reader.Read7BitEncodedInt()], reader.Read7BitEncodedInt());
                }
                var topics = new int[ReadCount(reader)];
                for (var t = 0; t < topics.Length; t++)
                {
                    topics[t] = reader.Read7BitEncodedInt();
                    if ((uint)topics[t] >= (uint)queries.Length)
                    {
                        return Empty();
                    }
                }
                entries[id] = new Entry(hash, terms, topics);
            }
            return new TopicAnalysisCache(engine, queries, entries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or FormatException or IndexOutOfRangeException or ArgumentException or OverflowException)
        {
            return Empty();
        }
    }

    private static int ReadCount(BinaryReader reader)
    {
        var n = reader.Read7BitEncodedInt();
        return n is < 0 or > 100_000_000 ? throw new FormatException("bad count") : n;
    }

    /// <summary>Writes the cache atomically (papers in id order, strings in first-use order: the same analysis gives the same bytes).</summary>
    public void Save(string file) => Write(file, ToBytes());

    /// <summary>Writes bytes made by <see cref="ToBytes"/> (the build serialises the cache early and lets go of it: its terms are a hundred megabytes at 20,000 papers).</summary>
    public static void Write(string file, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        AtomicFile.WriteAllBytes(file, bytes);
    }

    /// <summary>The file's bytes (see <see cref="Save"/>).</summary>
    public byte[] ToBytes()
    {
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = _entries.Keys.Order(StringComparer.Ordinal).ToList();
        foreach (var id in ids)
        {
            foreach (var (term, _) in _entries[id].Terms)
            {
                strings.TryAdd(term, strings.Count);
            }
        }
        var stream = new MemoryStream();
        stream.Write(Magic);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Format);
            writer.Write(Engine);
            writer.Write7BitEncodedInt(Queries.Count);
            foreach (var q in Queries)
            {
                writer.Write(q);
            }
            writer.Write7BitEncodedInt(strings.Count);
            foreach (var s in strings.Keys)
            {
                writer.Write(s);
            }
            writer.Write7BitEncodedInt(ids.Count);
            foreach (var id in ids)
            {
                var entry = _entries[id];
                writer.Write(id);
                writer.Write(entry.Hash);
                writer.Write7BitEncodedInt(entry.Terms.Length);
                foreach (var (term, frequency) in entry.Terms)
                {
                    writer.Write7BitEncodedInt(strings[term]);
                    writer.Write7BitEncodedInt(frequency);
                }
                writer.Write7BitEncodedInt(entry.Topics.Length);
                foreach (var t in entry.Topics)
                {
                    writer.Write7BitEncodedInt(t);
                }
            }
        }
        var body = stream.ToArray();
        return [.. body, .. SHA256.HashData(body)];
    }

    /// <summary>One paper: the hash of its analysed fields, its similarity terms, and the indexes in <see cref="Queries"/> of the queries matching it.</summary>
    internal sealed record Entry(byte[] Hash, (string Term, int Frequency)[] Terms, int[] Topics);
}
