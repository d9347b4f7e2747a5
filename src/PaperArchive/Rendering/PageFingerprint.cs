using System.Collections.Concurrent;
using System.Security.Cryptography;
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

    // Hashes are kept as 128-bit numbers and written out as hex only when used: a build holds one per paper and member
    // (28 of them), and as strings they took ~3 KB per paper (~300 MB at 100,000 papers).
    private readonly ConcurrentDictionary<PaperModel, PaperHashes> _papers = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<PaperArchive.Model.Paper, UInt128> _raw = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<(PaperModel Paper, string Members), UInt128> _subsets = new(PaperMemberComparer.Instance);
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
    public string Of(SitePage page, IReadOnlyCollection<string>? paperMembers = null)
    {
        var key = paperMembers is null || paperMembers.Contains(TrackedPaperAccessor.AllMembers)
            ? TrackedPaperAccessor.AllMembers
            : string.Join(",", paperMembers.Order(StringComparer.Ordinal));
        var json = _options.GetOrAdd(key, k =>
        {
            var options = new JsonSerializerOptions { WriteIndented = false };
            options.Converters.Add(new PaperByHash(this, k == TrackedPaperAccessor.AllMembers ? null : k));
            return options;
        });
        try
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(new
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
            }, json);
            return Hash(bytes);
        }
        catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException)
        {
            return "unhashable:" + Guid.NewGuid().ToString("N");
        }
    }

    /// <summary>Hash of any template value (the members of <c>site</c>).</summary>
    public string OfValue(object? value) => Hash(JsonSerializer.SerializeToUtf8Bytes(value, value?.GetType() ?? typeof(object), _plain));

    public static string Hash(ReadOnlySpan<byte> bytes) => Hex(HashValue(bytes));

    /// <summary>The first 128 bits of the SHA-256 of <paramref name="bytes"/> (<see cref="Hash"/> is its hex form).</summary>
    private static UInt128 HashValue(ReadOnlySpan<byte> bytes)
    {
        Span<byte> sha = stackalloc byte[32];
        SHA256.HashData(bytes, sha);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(sha);
    }

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
        return Hash(JsonSerializer.SerializeToUtf8Bytes(parts, _keyOptions.Value));
    }

    private string PaperHash(PaperModel paper) => Hex(HashesOf(paper).Whole);

    private string RawHash(PaperArchive.Model.Paper paper) => Hex(_raw.GetOrAdd(paper, p => HashValue(JsonSerializer.SerializeToUtf8Bytes(p, FingerprintJson.Default.Paper))));

    /// <summary>Hash of the members listed in <paramref name="members"/> (comma-separated template names, sorted).</summary>
    private string PaperHash(PaperModel paper, string members) => Hex(_subsets.GetOrAdd((paper, members), k =>
    {
        var hashes = HashesOf(k.Paper);
        var text = new System.Text.StringBuilder();
        foreach (var member in k.Members.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            text.Append(member).Append('=');
            if (TemplateIndex.TryGetValue(member, out var index) && (hashes.Present & (1UL << index)) != 0)
            {
                text.Append(Hex(hashes.Members[index]));
            }
            else
            {
                text.Append('-');
            }
            text.Append(';');
        }
        return HashValue(System.Text.Encoding.UTF8.GetBytes(text.ToString()));
    }));

    /// <summary>
    /// The paper serialised once; each member's hash is the hash of its value's bytes in that JSON (the same bytes
    /// the member serialised alone gives), so hashing a paper by some of its members costs no second serialisation.
    /// </summary>
    private PaperHashes HashesOf(PaperModel paper) => _papers.GetOrAdd(paper, p =>
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(p, FingerprintJson.Default.PaperModel);
        var members = new UInt128[MemberNames.Length];
        var present = 0UL;
        var reader = new Utf8JsonReader(bytes);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = JsonIndex.GetValueOrDefault(reader.GetString()!, -1);
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            if (index >= 0)
            {
                members[index] = HashValue(bytes.AsSpan(start, (int)reader.BytesConsumed - start));
                present |= 1UL << index;
            }
        }
        return new PaperHashes(HashValue(bytes), members, present);
    });

    /// <summary>The paper's hash, and each member's (<see cref="Present"/>: bit i set when member i was in the JSON; at most 64 members).</summary>
    private sealed record PaperHashes(UInt128 Whole, UInt128[] Members, ulong Present);

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

    /// <summary>Papers by reference (records compare by value, which would hash every member), names ordinally.</summary>
    private sealed class PaperMemberComparer : IEqualityComparer<(PaperModel, string)>
    {
        public static readonly PaperMemberComparer Instance = new();

        public bool Equals((PaperModel, string) x, (PaperModel, string) y) => ReferenceEquals(x.Item1, y.Item1) && string.Equals(x.Item2, y.Item2, StringComparison.Ordinal);

        public int GetHashCode((PaperModel, string) obj) => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item1), StringComparer.Ordinal.GetHashCode(obj.Item2));
    }
}
