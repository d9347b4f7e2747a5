using System.Security.Cryptography;
using System.Text;
using PaperArchive.Model;

namespace PaperArchive.Archive;

/// <summary>
/// The bytes of <see cref="ArchivePageCache"/>'s file: "PAPC", a format number, the entry count, each
/// entry (path, the page's SHA-256, then its paper or day field by field), and a SHA-256 of all that.
/// Hand-written because the cache is read on every build and the JSON serializer spent 1.4 s of CPU on
/// 20,000 papers; a checksum failure, a short file or an unknown format is simply no cache.
/// </summary>
internal static class ArchivePageCacheFile
{
    private const int Format = 2;
    private static readonly byte[] Magic = "PAPC"u8.ToArray();
    private const byte PaperEntry = 1;
    private const byte DayEntry = 2;

    // Strict both ways: a lone surrogate (a hand-edited page's "\ud800" escape) must not be stored as
    // U+FFFD, or the cache would give another model than parsing the page.
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file for these entries; an entry whose text UTF-8 cannot hold is left out (its page is parsed next time).</summary>
    public static byte[] Write(IEnumerable<KeyValuePair<string, ArchivePageCache.Entry>> entries)
    {
        var list = entries.ToList();
        try
        {
            return WriteAll(list);
        }
        catch (EncoderFallbackException)
        {
            return WriteAll(list.Where(e => Encodable(e)).ToList());
        }
    }

    private static bool Encodable(KeyValuePair<string, ArchivePageCache.Entry> entry)
    {
        try
        {
            WriteAll([entry]);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    private static byte[] WriteAll(List<KeyValuePair<string, ArchivePageCache.Entry>> list)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Strict, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(Format);
            w.Write(list.Count);
            foreach (var (path, entry) in list)
            {
                w.Write(path);
                w.Write(Convert.FromHexString(entry.Sha256));
                if (entry.Paper is { } p)
                {
                    w.Write(PaperEntry);
                    WritePaper(w, p);
                }
                else
                {
                    w.Write(DayEntry);
                    var day = entry.Day!;
                    w.Write(day.Date.DayNumber);
                    w.Write(day.PaperIds.Count);
                    foreach (var id in day.PaperIds)
                    {
                        w.Write(id);
                    }
                }
            }
        }
        var body = stream.ToArray();
        return [.. body, .. SHA256.HashData(body)];
    }

    /// <summary>The entries, or null when the bytes are not a whole cache of this format.</summary>
    public static Dictionary<string, ArchivePageCache.Entry>? Read(byte[] bytes)
    {
        if (bytes.Length < Magic.Length + 8 + 32
            || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)
            || !SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32)))
        {
            return null;
        }
        using var r = new Common.ByteArrayReader(bytes, 0, bytes.Length - 32, Strict);
        r.ReadBytes(Magic.Length);
        if (r.ReadInt32() != Format)
        {
            return null;
        }
        var count = r.ReadInt32();
        var entries = new Dictionary<string, ArchivePageCache.Entry>(Math.Clamp(count, 0, 1 << 20), StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var path = r.ReadString();
            var sha = Convert.ToHexStringLower(r.ReadBytes(32));
            var kind = r.ReadByte();
            entries[path] = kind switch
            {
                PaperEntry => new ArchivePageCache.Entry(sha, ReadPaper(r), null),
                DayEntry => new ArchivePageCache.Entry(sha, null, new DayListing(Date(r.ReadInt32()), Strings(r))),
                _ => throw new FormatException("unknown entry kind"),
            };
        }
        return r.BaseStream.Position == r.BaseStream.Length ? entries : null;
    }

    private static void WritePaper(BinaryWriter w, Paper p)
    {
        w.Write(p.Id);
        Optional(w, p.ArxivId);
        w.Write(p.Title);
        Optional(w, p.Abstract);
        w.Write(p.Authors.Count);
        foreach (var a in p.Authors)
        {
            w.Write(a.Name);
            Optional(w, a.HfUser);
        }
        Optional(w, p.AuthorCount);
        Optional(w, p.Organization);
        Optional(w, p.OrganizationHandle);
        Optional(w, p.PublishedOn?.DayNumber);
        w.Write(p.ListedOn.Count);
        foreach (var d in p.ListedOn)
        {
            w.Write(d.DayNumber);
        }
        w.Write(p.Snapshots.Count);
        foreach (var s in p.Snapshots)
        {
            w.Write(s.Date.DayNumber);
            Optional(w, s.Upvotes);
            Optional(w, s.Comments);
        }
        Optional(w, p.SubmittedBy);
        Optional(w, p.AiSummary);
        Strings(w, p.AiKeywords);
        Optional(w, p.GithubRepo);
        Optional(w, p.GithubStars);
        Optional(w, p.ProjectPage);
        Optional(w, p.Thumbnail);
        Strings(w, p.MediaUrls);
    }

    private static Paper ReadPaper(BinaryReader r)
    {
        var id = r.ReadString();
        var arxivId = OptionalString(r);
        var title = r.ReadString();
        var abstractText = OptionalString(r);
        var authors = new Author[Count(r)];
        for (var i = 0; i < authors.Length; i++)
        {
            authors[i] = new Author(r.ReadString(), OptionalString(r));
        }
        var authorCount = OptionalInt(r);
        var organization = OptionalString(r);
        var organizationHandle = OptionalString(r);
        var published = OptionalInt(r);
        var listed = new DateOnly[Count(r)];
        for (var i = 0; i < listed.Length; i++)
        {
            listed[i] = Date(r.ReadInt32());
        }
        var snapshots = new CountSnapshot[Count(r)];
        for (var i = 0; i < snapshots.Length; i++)
        {
            snapshots[i] = new CountSnapshot(Date(r.ReadInt32()), OptionalInt(r), OptionalInt(r));
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
            PublishedOn = published is { } day ? Date(day) : null,
            ListedOn = ValueList<DateOnly>.Wrap(listed),
            Snapshots = ValueList<CountSnapshot>.Wrap(snapshots),
            SubmittedBy = OptionalString(r),
            AiSummary = OptionalString(r),
            AiKeywords = Strings(r),
            GithubRepo = OptionalString(r),
            GithubStars = OptionalInt(r),
            ProjectPage = OptionalString(r),
            Thumbnail = OptionalString(r),
            MediaUrls = Strings(r),
        };
    }

    private static void Optional(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null)
        {
            w.Write(value);
        }
    }

    private static void Optional(BinaryWriter w, int? value)
    {
        w.Write(value is not null);
        if (value is { } v)
        {
            w.Write(v);
        }
    }

    private static void Strings(BinaryWriter w, ValueList<string> values)
    {
        w.Write(values.Count);
        foreach (var v in values)
        {
            w.Write(v);
        }
    }

    private static string? OptionalString(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static int? OptionalInt(BinaryReader r) => r.ReadBoolean() ? r.ReadInt32() : null;

    private static ValueList<string> Strings(BinaryReader r)
    {
        var values = new string[Count(r)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = r.ReadString();
        }
        return ValueList<string>.Wrap(values);
    }

    /// <summary>A list length, refused when it could not fit in what is left (a damaged file must not allocate gigabytes).</summary>
    private static int Count(BinaryReader r)
    {
        var n = r.ReadInt32();
        if (n < 0 || n > r.BaseStream.Length - r.BaseStream.Position)
        {
            throw new FormatException("bad length");
        }
        return n;
    }

    private static DateOnly Date(int dayNumber) => DateOnly.FromDayNumber(dayNumber);
}
