using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Text.Json;
using System.Text.Json.Serialization;
using PaperArchive.Rendering.Model;

namespace PaperArchive.Rendering;

/// <summary>
/// A hash of everything a <see cref="SitePage"/> hands its templates (path, kind, title, neighbours,
/// variables): two pages with the same fingerprint, rendered by the same theme files with the same
/// <c>site</c> values, come out byte for byte the same. Template models are hashed through their
/// JSON form; each <see cref="PaperModel"/> is hashed once per build and then stands in by its hash,
/// so a list page costs a few hashes, not a re-serialised paper each. Given the paper members the page's
/// templates read last time, only those are hashed (sound: the same templates reading the same values
/// take the same path and read the same members again). A page whose variables cannot be
/// serialised gets a fingerprint of its own that never matches (it is always rendered).
/// Thread-safe; one instance per build.
/// </summary>
public sealed class PageFingerprint
{
    // PaperModel's members in declaration order (the order JSON writes them): C# name → index, template name → index.
    private static readonly string[] MemberNames =
        typeof(PaperModel).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance).Select(p => p.Name).ToArray();
    private static readonly Dictionary<string, int> JsonIndex = MemberNames.Length > 64
        ? throw new InvalidOperationException("PaperHashes keeps a 64-bit mask of PaperModel's members")
        : MemberNames.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
    private static readonly Dictionary<string, int> TemplateIndex =
        MemberNames.Select((n, i) => (n, i)).ToDictionary(x => Scriban.Runtime.StandardMemberRenamer.Rename(x.n), x => x.i, StringComparer.Ordinal);
    private static readonly int AbstractIndex = JsonIndex[nameof(PaperModel.Abstract)];
    private static readonly int AbstractParagraphsIndex = JsonIndex[nameof(PaperModel.AbstractParagraphs)];
    private static readonly int BibtexIndex = JsonIndex[nameof(PaperModel.Bibtex)];
    private static readonly int CitationKeyIndex = JsonIndex[nameof(PaperModel.CitationKey)];

    // Hashes are kept as 128-bit numbers and written out as hex only when used: a build holds one per paper and member
    // (28 of them), and as strings they took ~3 KB per paper (~300 MB at 100,000 papers).
    // Keyed by paper id, each entry holding the object it was made from: a build has one model and one record per id,
    // and a lookup by id costs less than one by reference (the object's identity hash) on every paper of every page.
    // Another object with the same id (a test's hand-made model) is hashed without the cache.
    private readonly ConcurrentDictionary<string, PaperHashes> _papers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (PaperArchive.Model.Paper Paper, UInt128 Hash)> _raw = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MemberSet> _memberSets = new(StringComparer.Ordinal);
    // Member lists of the last build (one array per kind of page) → their key (sorted, comma-separated).
    private readonly ConcurrentDictionary<IReadOnlyCollection<string>, string> _memberKeys = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<string, JsonSerializerOptions> _options = new(StringComparer.Ordinal);
    private readonly JsonSerializerOptions _plain = new() { WriteIndented = false };
    private readonly Lazy<JsonSerializerOptions> _keyOptions;

    public PageFingerprint()
    {
        _keyOptions = new(() =>
        {
            var options = new JsonSerializerOptions { WriteIndented = false };
            options.Converters.Add(new PaperByHash(this, null));
            options.Converters.Add(new RawPaperByHash(this));
            return options;
        });
    }

    /// <summary>
    /// The page's fingerprint, its papers hashed whole, or (<paramref name="paperMembers"/>) by the members a render of it
    /// read (<see cref="PageDependencies.PaperMembers"/>): what the templates did not look at cannot change the page.
    /// </summary>
    /// <remarks>With <paramref name="shared"/>, <paramref name="paperMembers"/> is a list many pages hand over (the last build's
    /// list for a kind of page): its key is made once and kept by reference.</remarks>
    public string Of(SitePage page, IReadOnlyCollection<string>? paperMembers = null, bool shared = false)
    {
        var key = paperMembers is null ? TrackedPaperAccessor.AllMembers
            : shared ? _memberKeys.GetOrAdd(paperMembers, MembersKey)
            : MembersKey(paperMembers);
        var json = _options.GetOrAdd(key, k =>
        {
            var options = new JsonSerializerOptions { WriteIndented = false };
            options.Converters.Add(new PaperByHash(this, k == TrackedPaperAccessor.AllMembers ? null : k));
            return options;
        });
        try
        {
            return Hex(JsonHasher.Page.Hash(new
            {
                page.Path,
                page.Kind,
                page.Title,
                page.Fallbacks,
                page.Description,
                page.Prev,
                page.Next,
                page.NoIndex,
                Papers = key,
                Data = page.Data.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new object?[] { kv.Key, kv.Value }).ToArray(),
            }, json));
        }
        catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException)
        {
            return "unhashable:" + Guid.NewGuid().ToString("N");
        }
    }

    private static string MembersKey(IReadOnlyCollection<string> members) =>
        members.Contains(TrackedPaperAccessor.AllMembers) ? TrackedPaperAccessor.AllMembers : string.Join(",", members.Order(StringComparer.Ordinal));

    /// <summary>Hash of any template value (the members of <c>site</c>).</summary>
    public string OfValue(object? value) => Hex(JsonHasher.Page.Hash(value, _plain));

    public static string Hash(ReadOnlySpan<byte> bytes) => Hex(HashValue(bytes));

    /// <summary>
    /// XXH3's 128-bit hash of <paramref name="bytes"/> (<see cref="Hash"/> is its hex form). Not a cryptographic hash:
    /// these hashes decide whether an output is made again from inputs the build itself read, and a chance collision
    /// among a site's million values is ~2^-88; SHA-256 cost more than the rest of fingerprinting together (about 30 calls
    /// per paper, each paying its fixed set-up).
    /// </summary>
    private static UInt128 HashValue(ReadOnlySpan<byte> bytes) => XxHash128.HashToUInt128(bytes);

    private static string Hex(UInt128 hash)
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(bytes, hash);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>
    /// A generated file's key (<see cref="SiteFile.Key"/>): a hash of <paramref name="parts"/> as JSON, template
    /// models of papers standing in by their hash and archive papers (<see cref="PaperArchive.Model.Paper"/>) by theirs.
    /// </summary>
    public string Key(params object?[] parts)
    {
        return Hex(JsonHasher.Page.Hash(parts, _keyOptions.Value));
    }

    private string PaperHash(PaperModel paper) => Hex(HashesOf(paper).Whole);

    private string RawHash(PaperArchive.Model.Paper paper) => Hex(RawHashValue(paper));

    private UInt128 RawHashValue(PaperArchive.Model.Paper paper)
    {
        if (_raw.TryGetValue(paper.Id, out var known) && ReferenceEquals(known.Paper, paper))
        {
            return known.Hash;
        }
        var hash = JsonHasher.Raw.Hash(paper, FingerprintJson.Default.Paper);
        _raw.TryAdd(paper.Id, (paper, hash));
        return hash;
    }

    /// <summary>
    /// Hash of the members listed in <paramref name="members"/> (comma-separated template names, sorted): made from the
    /// members' hashes each time (a few hundred bytes hashed), not kept.
    /// </summary>
    private string PaperHash(PaperModel paper, string members)
    {
        var set = _memberSets.GetOrAdd(members, MemberSet.Parse);
        var hashes = HashesOf(paper);
        Span<byte> buffer = stackalloc byte[MemberNames.Length * 17];
        var length = 0;
        for (var i = 0; i < MemberNames.Length; i++)
        {
            if ((set.Mask & (1UL << i)) == 0)
            {
                continue;
            }
            buffer[length++] = (byte)i;
            if ((hashes.Present & (1UL << i)) != 0)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteUInt128LittleEndian(buffer[length..], hashes.Members[i]);
                length += 16;
            }
        }
        return Hex(set.Unknown.Length == 0 ? HashValue(buffer[..length]) : HashValue([.. buffer[..length], .. set.Unknown]));
    }

    /// <summary>
    /// The paper serialised once; each member's hash is the hash of its value's bytes in that JSON (the same bytes
    /// the member serialised alone gives), so hashing a paper by some of its members costs no second serialisation.
    /// Members made from others when read are not serialised (<see cref="PaperModel.AbstractParagraphs"/>,
    /// <see cref="PaperModel.Bibtex"/>): their hash is made from the hashes of what they are made of.
    /// </summary>
    private PaperHashes HashesOf(PaperModel paper)
    {
        if (_papers.TryGetValue(paper.Id, out var known) && ReferenceEquals(known.Model, paper))
        {
            return known;
        }
        var made = MakeHashes(paper);
        _papers.TryAdd(paper.Id, made);
        return made;
    }

    private PaperHashes MakeHashes(PaperModel p)
    {
        var bytes = JsonHasher.Paper.Write(p, FingerprintJson.Default.PaperModel);
        var members = new UInt128[MemberNames.Length];
        var present = 0UL;
        var reader = new Utf8JsonReader(bytes.Span);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = JsonIndex.GetValueOrDefault(reader.GetString()!, -1);
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            if (index >= 0)
            {
                members[index] = HashValue(bytes.Span.Slice(start, (int)reader.BytesConsumed - start));
                present |= 1UL << index;
            }
        }
        // Derived members, tagged with their own index so that they never equal the member they come from.
        Span<byte> derived = stackalloc byte[34];
        derived[0] = (byte)AbstractParagraphsIndex;
        derived[1] = (byte)((present >> AbstractIndex) & 1);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128LittleEndian(derived[2..], members[AbstractIndex]);
        members[AbstractParagraphsIndex] = HashValue(derived[..18]);
        derived[0] = (byte)BibtexIndex;
        derived[1] = p.Source is null ? (byte)0 : (byte)1;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128LittleEndian(derived[2..], p.Source is null ? UInt128.Zero : RawHashValue(p.Source));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128LittleEndian(derived[18..], members[CitationKeyIndex]);
        members[BibtexIndex] = HashValue(derived);
        present |= (1UL << AbstractParagraphsIndex) | (1UL << BibtexIndex);
        Span<byte> whole = stackalloc byte[48];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128LittleEndian(whole, HashValue(bytes.Span));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128LittleEndian(whole[16..], members[AbstractParagraphsIndex]);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128LittleEndian(whole[32..], members[BibtexIndex]);
        return new PaperHashes(p, HashValue(whole), members, present);
    }

    /// <summary>The paper's hash, and each member's (<see cref="Present"/>: bit i set when member i has a hash; at most 64 members).</summary>
    private sealed record PaperHashes(PaperModel Model, UInt128 Whole, UInt128[] Members, ulong Present);

    /// <summary>A comma-separated list of template member names as a mask over <see cref="MemberNames"/>, plus the names PaperModel lacks (UTF-8).</summary>
    private sealed record MemberSet(ulong Mask, byte[] Unknown)
    {
        public static MemberSet Parse(string members)
        {
            var mask = 0UL;
            var unknown = new System.Text.StringBuilder();
            foreach (var member in members.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                if (TemplateIndex.TryGetValue(member, out var index))
                {
                    mask |= 1UL << index;
                }
                else
                {
                    unknown.Append(member).Append(';');
                }
            }
            return new MemberSet(mask, System.Text.Encoding.UTF8.GetBytes(unknown.ToString()));
        }
    }

    /// <summary>
    /// Serialises into a buffer kept per thread and level (a page's JSON asks for its papers' hashes while it is being
    /// written, and a paper's for its archive record's), so hashing allocates no array per value: fingerprinting every
    /// page of a site otherwise fills the heap with short-lived JSON and the build waits on collections.
    /// </summary>
    private sealed class JsonHasher
    {
        [ThreadStatic] private static JsonHasher? t_page;
        [ThreadStatic] private static JsonHasher? t_paper;
        [ThreadStatic] private static JsonHasher? t_raw;

        private readonly System.Buffers.ArrayBufferWriter<byte> _buffer = new(16 * 1024);
        private readonly Utf8JsonWriter _writer;

        private JsonHasher() => _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = false });

        public static JsonHasher Page => t_page ??= new();

        public static JsonHasher Paper => t_paper ??= new();

        public static JsonHasher Raw => t_raw ??= new();

        /// <summary>The JSON of <paramref name="value"/>, valid until this level is used again on this thread.</summary>
        public ReadOnlyMemory<byte> Write<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info)
        {
            Reset();
            JsonSerializer.Serialize(_writer, value, info);
            _writer.Flush();
            return _buffer.WrittenMemory;
        }

        public UInt128 Hash<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info) => HashValue(Write(value, info).Span);

        public UInt128 Hash(object? value, JsonSerializerOptions options)
        {
            Reset();
            JsonSerializer.Serialize(_writer, value, value?.GetType() ?? typeof(object), options);
            _writer.Flush();
            return HashValue(_buffer.WrittenSpan);
        }

        private void Reset()
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
        }
    }

    private sealed class RawPaperByHash(PageFingerprint owner) : JsonConverter<PaperArchive.Model.Paper>
    {
        public override PaperArchive.Model.Paper Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, PaperArchive.Model.Paper value, JsonSerializerOptions options) => writer.WriteStringValue(owner.RawHash(value));
    }

    private sealed class PaperByHash(PageFingerprint owner, string? members) : JsonConverter<PaperModel>
    {
        public override PaperModel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, PaperModel value, JsonSerializerOptions options) =>
            writer.WriteStringValue(members is null ? owner.PaperHash(value) : owner.PaperHash(value, members));
    }
}
