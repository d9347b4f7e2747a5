using System.IO.Hashing;
using System.Text;
using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Archive;

/// <summary>
/// The bytes of <see cref="ArchivePageCache"/>'s files. The cache: "PAPC", a format number, a table of
/// the strings papers share (ids, author names and users, organisations, keywords, submitters — each
/// decoded once, one <see cref="Author"/> per name and user), the entries (path, the page's SHA-256, its
/// file signature, then its paper or day field by field, shared strings as table numbers), and an
/// XXH128 of all that. The delta: "PAPD", the format, the checksum of the cache file it applies to, its
/// own string table, the entries added or changed, the paths removed, and its own XXH128.
/// <para>Hand-written because the cache is read on every build: the JSON serializer spent 1.4 s of CPU
/// on 20,000 papers, a <see cref="BinaryReader"/> of format 2 about 1 s (mostly its per-value stream
/// calls and 700,000 strings, a third of them repeated author names). A checksum failure, a short file,
/// an unknown format or a delta for another cache file is simply no cache.</para>
/// <para>The checksum only guards against damage (a truncated or flipped file); it is no security
/// boundary — the cache sits in the user's own site folder, next to the pages it describes.</para>
/// </summary>
internal static class ArchivePageCacheFile
{
    private const int Format = 3;
    private static readonly byte[] Magic = "PAPC"u8.ToArray();
    private static readonly byte[] DeltaMagic = "PAPD"u8.ToArray();
    private const int ChecksumLength = 16;
    private const byte PaperEntry = 1;
    private const byte DayEntry = 2;

    // Strict both ways: a lone surrogate (a hand-edited page's "\ud800" escape) must not be stored as
    // U+FFFD, or the cache would give another model than parsing the page.
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>What a cache file (and its delta) held.</summary>
    /// <param name="Entries">The cache file's own entries (a save writes what differs from these).</param>
    /// <param name="Current">The entries with the delta applied.</param>
    /// <param name="Checksum">The cache file's checksum, which a delta names.</param>
    internal sealed record Loaded(
        Dictionary<string, ArchivePageCache.Entry> Entries,
        Dictionary<string, ArchivePageCache.Entry> Current,
        byte[] Checksum,
        long Length,
        DateTime WrittenUtc)
    {
        /// <summary>Whether <paramref name="file"/> is still the file these entries were read from.</summary>
        public bool StillOnDisk(string file)
        {
            var info = new FileInfo(file);
            return info.Exists && info.Length == Length && info.LastWriteTimeUtc == WrittenUtc;
        }
    }

    /// <summary>The whole cache file for these entries; an entry whose text UTF-8 cannot hold is left out (its page is parsed next time).</summary>
    public static byte[] Write(IEnumerable<KeyValuePair<string, ArchivePageCache.Entry>> entries)
    {
        using var stream = new MemoryStream();
        Write(stream, entries);
        return stream.ToArray();
    }

    /// <summary>
    /// The same bytes as <see cref="Write(IEnumerable{KeyValuePair{string, ArchivePageCache.Entry}})"/>, into <paramref name="stream"/>: the body is
    /// built first (the string table ahead of it comes from it), then head, body and checksum go out as they are. Copied
    /// into one array, a 100,000-paper cache (~150 MB) was held three times over at the end of the build, its peak.
    /// </summary>
    public static void Write(Stream stream, IEnumerable<KeyValuePair<string, ArchivePageCache.Entry>> entries)
    {
        var w = new Writer();
        var body = new Buffer();
        var count = 0;
        foreach (var (path, entry) in entries)
        {
            if (w.TryEntry(body, path, entry))
            {
                count++;
            }
        }
        var head = new Buffer();
        head.Bytes(Magic);
        head.Int32(Format);
        w.Table(head);
        head.VarInt(count);
        var hash = new XxHash128();
        hash.Append(head.Span);
        hash.Append(body.Span);
        Span<byte> checksum = stackalloc byte[ChecksumLength];
        hash.GetCurrentHash(checksum);
        stream.Write(head.Span);
        stream.Write(body.Span);
        stream.Write(checksum);
    }

    /// <summary>The delta file: <paramref name="changed"/> entries and <paramref name="removed"/> paths against the cache file with <paramref name="baseChecksum"/>.</summary>
    public static byte[] WriteDelta(byte[] baseChecksum, IReadOnlyList<KeyValuePair<string, ArchivePageCache.Entry>> changed, IReadOnlyList<string> removed)
    {
        var w = new Writer();
        var body = new Buffer();
        var count = 0;
        var dropped = new List<string>();
        foreach (var (path, entry) in changed)
        {
            if (w.TryEntry(body, path, entry))
            {
                count++;
            }
            else
            {
                // Not storable: the base file's entry for this path must not be used instead either.
                dropped.Add(path);
            }
        }
        var file = new Buffer();
        file.Bytes(DeltaMagic);
        file.Int32(Format);
        file.Bytes(baseChecksum);
        w.Table(file);
        file.VarInt(count);
        file.Bytes(body.Span);
        file.VarInt(removed.Count + dropped.Count);
        foreach (var path in removed.Concat(dropped))
        {
            file.String(path);
        }
        return file.WithChecksum();
    }

    /// <summary>The cache in <paramref name="file"/> with the delta in <paramref name="deltaFile"/> (if any) applied; null when either is not whole, of this format, or they do not belong together.</summary>
    public static Loaded? Read(string file, string deltaFile)
    {
        var info = new FileInfo(file);
        var (length, written) = (info.Length, info.LastWriteTimeUtc);
        var bytes = File.ReadAllBytes(file);
        var checksum = Checksum(bytes, Magic);
        if (checksum is null)
        {
            return null;
        }
        var r = new Reader(bytes, Magic.Length, bytes.Length - ChecksumLength);
        if (r.Int32() != Format)
        {
            return null;
        }
        r.Table();
        var count = r.Count(minBytesEach: 34);
        var entries = new Dictionary<string, ArchivePageCache.Entry>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var (path, entry) = r.Entry();
            entries[path] = entry;
        }
        if (!r.AtEnd)
        {
            return null;
        }
        // The file changed while it was read: the next save must not take it for the file these entries came from.
        var after = new FileInfo(file);
        if (after.Length != length || after.LastWriteTimeUtc != written)
        {
            written = DateTime.MinValue;
        }

        var current = entries;
        if (File.Exists(deltaFile))
        {
            var delta = File.ReadAllBytes(deltaFile);
            if (Checksum(delta, DeltaMagic) is null)
            {
                return null;
            }
            var d = new Reader(delta, DeltaMagic.Length, delta.Length - ChecksumLength);
            if (d.Int32() != Format || !d.Bytes(ChecksumLength).SequenceEqual(checksum))
            {
                return null;
            }
            current = new Dictionary<string, ArchivePageCache.Entry>(entries, StringComparer.Ordinal);
            d.Table();
            var changed = d.Count(minBytesEach: 34);
            for (var i = 0; i < changed; i++)
            {
                var (path, entry) = d.Entry();
                current[path] = entry;
            }
            var removed = d.Count(minBytesEach: 1);
            for (var i = 0; i < removed; i++)
            {
                current.Remove(d.String());
            }
            if (!d.AtEnd)
            {
                return null;
            }
        }
        return new Loaded(entries, current, checksum, length, written);
    }

    /// <summary>The XXH128 that ends <paramref name="bytes"/> when they start with <paramref name="magic"/> and it matches, else null.</summary>
    private static byte[]? Checksum(byte[] bytes, byte[] magic)
    {
        if (bytes.Length < magic.Length + 4 + ChecksumLength || !bytes.AsSpan(0, magic.Length).SequenceEqual(magic))
        {
            return null;
        }
        var body = bytes.AsSpan(0, bytes.Length - ChecksumLength);
        var stored = bytes.AsSpan(bytes.Length - ChecksumLength);
        var actual = XxHash128.Hash(body);
        return actual.AsSpan().SequenceEqual(stored) ? actual : null;
    }

    /// <summary>Paper optional fields present (one bit each).</summary>
    [Flags]
    private enum Has : ushort
    {
        None = 0,
        ArxivIdIsId = 1,
        ArxivId = 1 << 1,
        Abstract = 1 << 2,
        AuthorCount = 1 << 3,
        Organization = 1 << 4,
        OrganizationHandle = 1 << 5,
        PublishedOn = 1 << 6,
        SubmittedBy = 1 << 7,
        AiSummary = 1 << 8,
        GithubRepo = 1 << 9,
        GithubStars = 1 << 10,
        ProjectPage = 1 << 11,
        Thumbnail = 1 << 12,
    }

    /// <summary>Writes entries into a body while collecting the shared strings' table.</summary>
    private sealed class Writer
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly Buffer _table = new();

        public void Table(Buffer file)
        {
            file.VarInt(_index.Count);
            file.Bytes(_table.Span);
        }

        /// <summary>Appends the entry, or nothing (and false) when one of its strings is not valid UTF-16.</summary>
        public bool TryEntry(Buffer body, string path, ArchivePageCache.Entry entry)
        {
            if (entry.Paper is null && entry.Day is null || entry.Sha256.Length != 32)
            {
                return false;
            }
            var mark = body.Length;
            try
            {
                body.String(path);
                body.Bytes(entry.Sha256);
                if (entry.Signature is { } s)
                {
                    body.Byte(1);
                    body.UInt64(s.Device);
                    body.UInt64(s.Inode);
                    body.Int64(s.Size);
                    body.Int64(s.ModifiedNs);
                    body.Int64(s.ChangedNs);
                }
                else
                {
                    body.Byte(0);
                }
                if (entry.Paper is { } p)
                {
                    body.Byte(PaperEntry);
                    Paper(body, p);
                }
                else
                {
                    var day = entry.Day!;
                    body.Byte(DayEntry);
                    body.VarInt(day.Date.DayNumber);
                    body.VarInt(day.PaperIds.Count);
                    foreach (var id in day.PaperIds)
                    {
                        Shared(body, id);
                    }
                }
                return true;
            }
            catch (EncoderFallbackException)
            {
                body.Length = mark;
                return false;
            }
        }

        private void Paper(Buffer w, Paper p)
        {
            var has = Has.None;
            if (p.ArxivId is not null)
            {
                has |= p.ArxivId == p.Id ? Has.ArxivIdIsId : Has.ArxivId;
            }
            if (p.Abstract is not null) has |= Has.Abstract;
            if (p.AuthorCount is not null) has |= Has.AuthorCount;
            if (p.Organization is not null) has |= Has.Organization;
            if (p.OrganizationHandle is not null) has |= Has.OrganizationHandle;
            if (p.PublishedOn is not null) has |= Has.PublishedOn;
            if (p.SubmittedBy is not null) has |= Has.SubmittedBy;
            if (p.AiSummary is not null) has |= Has.AiSummary;
            if (p.GithubRepo is not null) has |= Has.GithubRepo;
            if (p.GithubStars is not null) has |= Has.GithubStars;
            if (p.ProjectPage is not null) has |= Has.ProjectPage;
            if (p.Thumbnail is not null) has |= Has.Thumbnail;
            w.VarInt((ushort)has);
            Shared(w, p.Id);
            if (has.HasFlag(Has.ArxivId)) w.String(p.ArxivId!);
            w.String(p.Title);
            if (has.HasFlag(Has.Abstract)) w.String(p.Abstract!);
            w.VarInt(p.Authors.Count);
            foreach (var a in p.Authors)
            {
                Shared(w, a.Name);
                // 0 for no user, else the table number + 1.
                if (a.HfUser is null)
                {
                    w.VarInt(0);
                }
                else
                {
                    w.VarInt(Index(a.HfUser) + 1);
                }
            }
            if (has.HasFlag(Has.AuthorCount)) w.SignedVarInt(p.AuthorCount!.Value);
            if (has.HasFlag(Has.Organization)) Shared(w, p.Organization!);
            if (has.HasFlag(Has.OrganizationHandle)) Shared(w, p.OrganizationHandle!);
            if (has.HasFlag(Has.PublishedOn)) w.VarInt(p.PublishedOn!.Value.DayNumber);
            w.VarInt(p.ListedOn.Count);
            foreach (var d in p.ListedOn)
            {
                w.VarInt(d.DayNumber);
            }
            w.VarInt(p.Snapshots.Count);
            foreach (var s in p.Snapshots)
            {
                w.VarInt(s.Date.DayNumber);
                w.Byte((byte)((s.Upvotes is null ? 0 : 1) | (s.Comments is null ? 0 : 2)));
                if (s.Upvotes is { } u) w.SignedVarInt(u);
                if (s.Comments is { } c) w.SignedVarInt(c);
            }
            if (has.HasFlag(Has.SubmittedBy)) Shared(w, p.SubmittedBy!);
            if (has.HasFlag(Has.AiSummary)) w.String(p.AiSummary!);
            w.VarInt(p.AiKeywords.Count);
            foreach (var k in p.AiKeywords)
            {
                Shared(w, k);
            }
            if (has.HasFlag(Has.GithubRepo)) w.String(p.GithubRepo!);
            if (has.HasFlag(Has.GithubStars)) w.SignedVarInt(p.GithubStars!.Value);
            if (has.HasFlag(Has.ProjectPage)) w.String(p.ProjectPage!);
            if (has.HasFlag(Has.Thumbnail)) w.String(p.Thumbnail!);
            w.VarInt(p.MediaUrls.Count);
            foreach (var m in p.MediaUrls)
            {
                w.String(m);
            }
        }

        private void Shared(Buffer w, string value) => w.VarInt(Index(value));

        private int Index(string value)
        {
            if (!_index.TryGetValue(value, out var i))
            {
                // Encoded now, so a string UTF-8 cannot hold fails its entry before it is in the table.
                var mark = _table.Length;
                try
                {
                    _table.String(value);
                }
                catch (EncoderFallbackException)
                {
                    _table.Length = mark;
                    throw;
                }
                _index[value] = i = _index.Count;
            }
            return i;
        }
    }

    /// <summary>Decodes entries; every length and table number is checked against what is there (a damaged file must neither allocate gigabytes nor throw anything but the format errors <see cref="ArchivePageCache.Load"/> catches).</summary>
    private sealed class Reader(byte[] bytes, int start, int end)
    {
        private int _at = start;
        private string[] _strings = [];
        private Dictionary<(int Name, int User), Author> _authors = [];

        public bool AtEnd => _at == end;

        public void Table()
        {
            var n = Count(minBytesEach: 1);
            _strings = new string[n];
            for (var i = 0; i < n; i++)
            {
                _strings[i] = String();
            }
            _authors = new Dictionary<(int, int), Author>(n);
        }

        public (string Path, ArchivePageCache.Entry Entry) Entry()
        {
            var path = String();
            var sha = Bytes(32).ToArray();
            FileSignature? signature = Byte() switch
            {
                0 => null,
                1 => new FileSignature(UInt64(), UInt64(), (long)UInt64(), (long)UInt64(), (long)UInt64()),
                _ => throw new FormatException("bad signature flag"),
            };
            return Byte() switch
            {
                PaperEntry => (path, new ArchivePageCache.Entry(sha, signature, Paper(), null)),
                DayEntry => (path, new ArchivePageCache.Entry(sha, signature, null, Day())),
                _ => throw new FormatException("unknown entry kind"),
            };
        }

        private DayListing Day()
        {
            var date = Date();
            var ids = Array<string>(Count(minBytesEach: 1));
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = Shared();
            }
            return new DayListing(date, ValueList<string>.Wrap(ids));
        }

        private Paper Paper()
        {
            var has = (Has)VarInt();
            var id = Shared();
            var arxivId = has.HasFlag(Has.ArxivIdIsId) ? id : has.HasFlag(Has.ArxivId) ? String() : null;
            var title = String();
            var abstractText = has.HasFlag(Has.Abstract) ? String() : null;
            var authors = Array<Author>(Count(minBytesEach: 2));
            for (var i = 0; i < authors.Length; i++)
            {
                var name = VarInt();
                var user = VarInt();
                if (!_authors.TryGetValue((name, user), out var author))
                {
                    author = new Author(SharedAt(name), user == 0 ? null : SharedAt(user - 1));
                    _authors[(name, user)] = author;
                }
                authors[i] = author;
            }
            var authorCount = has.HasFlag(Has.AuthorCount) ? SignedVarInt() : (int?)null;
            var organization = has.HasFlag(Has.Organization) ? Shared() : null;
            var organizationHandle = has.HasFlag(Has.OrganizationHandle) ? Shared() : null;
            var published = has.HasFlag(Has.PublishedOn) ? Date() : (DateOnly?)null;
            var listed = Array<DateOnly>(Count(minBytesEach: 1));
            for (var i = 0; i < listed.Length; i++)
            {
                listed[i] = Date();
            }
            var snapshots = Array<CountSnapshot>(Count(minBytesEach: 2));
            for (var i = 0; i < snapshots.Length; i++)
            {
                var date = Date();
                var present = Byte();
                var upvotes = (present & 1) != 0 ? SignedVarInt() : (int?)null;
                var comments = (present & 2) != 0 ? SignedVarInt() : (int?)null;
                snapshots[i] = new CountSnapshot(date, upvotes, comments);
            }
            var submittedBy = has.HasFlag(Has.SubmittedBy) ? Shared() : null;
            var aiSummary = has.HasFlag(Has.AiSummary) ? String() : null;
            var keywords = Array<string>(Count(minBytesEach: 1));
            for (var i = 0; i < keywords.Length; i++)
            {
                keywords[i] = Shared();
            }
            var githubRepo = has.HasFlag(Has.GithubRepo) ? String() : null;
            var githubStars = has.HasFlag(Has.GithubStars) ? SignedVarInt() : (int?)null;
            var projectPage = has.HasFlag(Has.ProjectPage) ? String() : null;
            var thumbnail = has.HasFlag(Has.Thumbnail) ? String() : null;
            var media = Array<string>(Count(minBytesEach: 1));
            for (var i = 0; i < media.Length; i++)
            {
                media[i] = String();
            }
            return new Paper
            {
                Id = id,
                ArxivId = arxivId,
                Title = title,
                Abstract = abstractText,
                Authors = ValueList<Author>.Wrap(authors),
                AuthorCount = authorCount,
                Organization = organization,
                OrganizationHandle = organizationHandle,
                PublishedOn = published,
                ListedOn = ValueList<DateOnly>.Wrap(listed),
                Snapshots = ValueList<CountSnapshot>.Wrap(snapshots),
                SubmittedBy = submittedBy,
                AiSummary = aiSummary,
                AiKeywords = ValueList<string>.Wrap(keywords),
                GithubRepo = githubRepo,
                GithubStars = githubStars,
                ProjectPage = projectPage,
                Thumbnail = thumbnail,
                MediaUrls = ValueList<string>.Wrap(media),
            };
        }

        private static T[] Array<T>(int n) => n == 0 ? [] : new T[n];

        private string Shared() => SharedAt(VarInt());

        private string SharedAt(int i) => (uint)i < (uint)_strings.Length ? _strings[i] : throw new FormatException("bad string number");

        private DateOnly Date()
        {
            var day = VarInt();
            return day <= DateOnly.MaxValue.DayNumber ? DateOnly.FromDayNumber(day) : throw new FormatException("bad date");
        }

        public string String()
        {
            var length = Count(minBytesEach: 1);
            var s = length == 0 ? "" : Strict.GetString(bytes, _at, length);
            _at += length;
            return s;
        }

        public ReadOnlySpan<byte> Bytes(int n)
        {
            if (n > end - _at)
            {
                throw new FormatException("short file");
            }
            var span = bytes.AsSpan(_at, n);
            _at += n;
            return span;
        }

        public byte Byte() => _at < end ? bytes[_at++] : throw new FormatException("short file");

        public int Int32() => System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(Bytes(4));

        private ulong UInt64() => System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(Bytes(8));

        /// <summary>A list length or string length, refused when that many items of at least <paramref name="minBytesEach"/> bytes could not fit in what is left.</summary>
        public int Count(int minBytesEach)
        {
            var n = VarInt();
            if (n > (end - _at) / minBytesEach)
            {
                throw new FormatException("bad length");
            }
            return n;
        }

        private int SignedVarInt()
        {
            var v = UVarInt();
            return (int)(v >> 1) ^ -(int)(v & 1);
        }

        /// <summary>A 7-bit varint, non-negative.</summary>
        private int VarInt()
        {
            var v = UVarInt();
            return v <= int.MaxValue ? (int)v : throw new FormatException("bad number");
        }

        /// <summary>A 7-bit varint of at most 5 bytes.</summary>
        private uint UVarInt()
        {
            uint result = 0;
            for (var shift = 0; shift < 35; shift += 7)
            {
                var b = Byte();
                result |= (uint)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return result;
                }
            }
            throw new FormatException("bad number");
        }
    }

    /// <summary>A growable byte array (the writer's output).</summary>
    private sealed class Buffer
    {
        private byte[] _bytes = new byte[1 << 16];

        public int Length { get; set; }

        public ReadOnlySpan<byte> Span => _bytes.AsSpan(0, Length);

        private Span<byte> Take(int n)
        {
            if (Length + n > _bytes.Length)
            {
                Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + n));
            }
            var span = _bytes.AsSpan(Length, n);
            Length += n;
            return span;
        }

        public void Byte(byte b) => Take(1)[0] = b;

        public void Bytes(ReadOnlySpan<byte> b) => b.CopyTo(Take(b.Length));

        public void Int32(int v) => System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(Take(4), v);

        public void Int64(long v) => System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(Take(8), v);

        public void UInt64(ulong v) => System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(Take(8), v);

        public void VarInt(int v)
        {
            var u = (uint)v;
            while (u >= 0x80)
            {
                Byte((byte)(u | 0x80));
                u >>= 7;
            }
            Byte((byte)u);
        }

        public void SignedVarInt(int v) => VarInt((int)(((uint)v << 1) ^ (uint)(v >> 31)));

        public void String(string s)
        {
            var n = Strict.GetByteCount(s);
            VarInt(n);
            Strict.GetBytes(s, Take(n));
        }

        public byte[] WithChecksum()
        {
            var result = new byte[Length + ChecksumLength];
            Span.CopyTo(result);
            XxHash128.Hash(Span, result.AsSpan(Length));
            return result;
        }
    }
}
