using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperArchive.Rendering;

/// <summary>
/// What the last build rendered, kept in the site itself (<see cref="RelativePath"/>) so that it is
/// published, swapped and lost together with the pages it describes: an interrupted or refused build
/// never leaves a manifest that disagrees with the site. <see cref="Global"/> covers what every page
/// depends on (program version, configuration, theme defaults); when it differs nothing is reused.
/// <see cref="SiteMembers"/> and <see cref="ThemeFiles"/> hold hashes of the values and files pages
/// read; <see cref="Problems"/> the link/HTML problems found on each page when it was rendered, so
/// that a build which keeps the page reports them again. No times, no absolute paths except the theme files found.
/// </summary>
public sealed record RenderManifest(
    [property: JsonPropertyName("format")] int Format,
    [property: JsonPropertyName("global")] string Global,
    [property: JsonPropertyName("site")] IReadOnlyDictionary<string, string> SiteMembers,
    [property: JsonPropertyName("theme_files")] IReadOnlyDictionary<string, string> ThemeFiles,
    [property: JsonPropertyName("pages")] IReadOnlyDictionary<string, RenderedPage> Pages)
{
    public const int CurrentFormat = 4;

    /// <summary>Site-relative path of the manifest (a dot folder: GitHub Pages' artifact upload leaves hidden files out).</summary>
    public const string RelativePath = ".paperarchive/manifest.bin";

    [JsonPropertyName("problems")]
    public IReadOnlyDictionary<string, IReadOnlyList<PageProblem>> Problems { get; init; } = new SortedDictionary<string, IReadOnlyList<PageProblem>>(StringComparer.Ordinal);

    /// <summary>Site path → hash of every generated file (feeds, exports, search shards, assets, sitemaps): see <see cref="SiteFileWriter"/>.</summary>
    [JsonPropertyName("files")]
    public IReadOnlyDictionary<string, string> Files { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Total bytes of the site's files (the manifest aside) when it was published: the next in-place build updates it instead of measuring every file (see <c>SiteSizeGuard.Update</c>).</summary>
    [JsonPropertyName("bytes")]
    public long Bytes { get; init; }

    /// <summary>Site path → <see cref="SiteFile.Key"/> of the generated files that have one.</summary>
    [JsonPropertyName("file_keys")]
    public IReadOnlyDictionary<string, string> FileKeys { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Every file of the site this manifest describes (pages and generated files), the manifest itself aside.</summary>
    public IEnumerable<string> AllPaths() => Pages.Keys.Concat(Files.Keys);

    private static readonly byte[] Magic = "PAMF"u8.ToArray();

    /// <summary>The manifest of the site in <paramref name="siteDir"/>, or null when it has none or it cannot be read (then nothing is reused).</summary>
    public static RenderManifest? Load(string siteDir)
    {
        var path = Path.Combine(siteDir, RelativePath);
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }
            var bytes = File.ReadAllBytes(path);
            if (!bytes.AsSpan().StartsWith(Magic))
            {
                return null;
            }
            using var reader = new Common.ByteArrayReader(bytes, Magic.Length, bytes.Length - Magic.Length, System.Text.Encoding.UTF8);
            return reader.ReadInt32() == CurrentFormat ? Read(reader, bytes.Length) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException or OverflowException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static RenderManifest Read(BinaryReader reader, int fileLength)
    {
        // Counts are checked against what the file could hold, so a damaged count fails fast instead of allocating gigabytes.
        int Count()
        {
            var n = reader.Read7BitEncodedInt();
            return n >= 0 && n <= fileLength ? n : throw new FormatException("Implausible count in the render manifest");
        }
        string? NullableString() => reader.ReadBoolean() ? reader.ReadString() : null;
        var global = reader.ReadString();
        var bytes = reader.ReadInt64();
        var siteMembers = ReadHashes(reader, Count());
        var themeFiles = ReadHashes(reader, Count());
        var shared = new RenderedPage[Count()];
        for (var i = 0; i < shared.Length; i++)
        {
            var members = new string[Count()];
            for (var j = 0; j < members.Length; j++)
            {
                members[j] = reader.ReadString();
            }
            var theme = new SortedDictionary<string, string?>(StringComparer.Ordinal);
            for (var n = Count(); n > 0; n--)
            {
                theme[reader.ReadString()] = NullableString();
            }
            string[]? paperMembers = null;
            if (reader.ReadBoolean())
            {
                paperMembers = new string[Count()];
                for (var j = 0; j < paperMembers.Length; j++)
                {
                    paperMembers[j] = reader.ReadString();
                }
            }
            shared[i] = new RenderedPage("", members, theme, null) { PaperMembers = paperMembers };
        }
        // Paths pages ask `exists` about, each stored once.
        var asked = new string[Count()];
        for (var i = 0; i < asked.Length; i++)
        {
            asked[i] = reader.ReadString();
        }
        var pageCount = Count();
        var pages = new Dictionary<string, RenderedPage>(pageCount, StringComparer.Ordinal);
        var answers = new List<KeyValuePair<string, bool>>();
        for (var i = 0; i < pageCount; i++)
        {
            var page = reader.ReadString();
            var data = ReadHash(reader);
            var dependencies = Count();
            if (dependencies >= shared.Length)
            {
                throw new FormatException("Unknown dependency set in the render manifest");
            }
            ExistsAnswers? exists = null;
            var existsCount = Count();
            if (existsCount > 0)
            {
                answers.Clear();
                for (var j = 1; j < existsCount; j++)
                {
                    var key = Count();
                    answers.Add(new(key < asked.Length ? asked[key] : throw new FormatException("Unknown path in the render manifest"), reader.ReadBoolean()));
                }
                exists = ExistsAnswers.From(answers);
            }
            pages[page] = shared[dependencies] with { Data = data, Exists = exists };
        }
        var files = ReadHashes(reader, Count());
        var fileKeys = ReadHashes(reader, Count());
        var problems = new SortedDictionary<string, IReadOnlyList<PageProblem>>(StringComparer.Ordinal);
        for (var n = Count(); n > 0; n--)
        {
            var page = reader.ReadString();
            var list = new PageProblem[Count()];
            for (var j = 0; j < list.Length; j++)
            {
                list[j] = new PageProblem(NullableString(), reader.ReadString());
            }
            problems[page] = list;
        }
        if (reader.BaseStream.Position != reader.BaseStream.Length)
        {
            throw new FormatException("Trailing bytes in the render manifest");
        }
        return new RenderManifest(CurrentFormat, global, siteMembers, themeFiles, pages)
        {
            Problems = problems,
            Files = files,
            FileKeys = fileKeys,
            Bytes = bytes,
        };
    }

    private static Dictionary<string, string> ReadHashes(BinaryReader reader, int count)
    {
        // Looked up once per output of the next build: a hash table, not a tree (Save orders them).
        var map = new Dictionary<string, string>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            map[reader.ReadString()] = ReadHash(reader);
        }
        return map;
    }

    /// <summary>A hash (32 lowercase hex digits) as its 16 bytes; any other string (an unhashable page's marker) as itself.</summary>
    private static void WriteHash(BinaryWriter writer, string value)
    {
        Span<byte> raw = stackalloc byte[16];
        if (value.Length == 32 && IsLowerHex(value) && Convert.FromHexString(value, raw, out _, out var written) == System.Buffers.OperationStatus.Done && written == 16)
        {
            writer.Write((byte)1);
            writer.Write(raw);
        }
        else
        {
            writer.Write((byte)0);
            writer.Write(value);
        }
    }

    private static bool IsLowerHex(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }
        return true;
    }

    private static string ReadHash(BinaryReader reader)
    {
        switch (reader.ReadByte())
        {
            case 1:
                Span<byte> raw = stackalloc byte[16];
                reader.BaseStream.ReadExactly(raw);
                return Convert.ToHexStringLower(raw);
            case 0:
                return reader.ReadString();
            default:
                throw new FormatException("Bad hash in the render manifest");
        }
    }

    /// <summary>
    /// Writes the manifest (binary: a 20,000-paper site's manifest as JSON took about a second to read back, longer than
    /// deciding which of its 75,000 pages changed). Pages of a kind read the same things, so what a page read (its
    /// <c>exists</c> answers aside) is stored once per distinct set and each page names its set; the paths pages ask
    /// <c>exists</c> about are stored once too, and hashes as their 16 bytes. Everything in ordinal order: the same site
    /// gives the same bytes.
    /// </summary>
    public void Save(string siteDir)
    {
        var path = Path.Combine(siteDir, RelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var dependencies = new List<RenderedPage>();
        var ordered = Pages.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        var pageSets = new int[ordered.Count];
        // Pages of a kind share the very objects (SiteRenderer and Load share them): compared by reference first, so
        // each distinct set is keyed once rather than once per page.
        var byReference = new Dictionary<(object, object, object?), int>(SharedReads.Instance);
        var asked = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
        {
            var rendered = ordered[i].Value;
            if (!byReference.TryGetValue((rendered.SiteMembers, rendered.ThemeFiles, rendered.PaperMembers), out var id))
            {
                var key = string.Join('\u0001', rendered.SiteMembers) + "\u0002"
                    + string.Join('\u0001', rendered.ThemeFiles.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "\u0003" + (kv.Value is null ? "\u0004" : "\u0005" + kv.Value))) + "\u0002"
                    + (rendered.PaperMembers is null ? "\u0004" : "\u0005" + string.Join('\u0001', rendered.PaperMembers));
                if (!ids.TryGetValue(key, out id))
                {
                    id = dependencies.Count;
                    ids[key] = id;
                    dependencies.Add(rendered);
                }
                byReference[(rendered.SiteMembers, rendered.ThemeFiles, rendered.PaperMembers)] = id;
            }
            pageSets[i] = id;
            if (rendered.Exists is not null)
            {
                asked.UnionWith(rendered.Exists.Keys);
            }
        }
        var askedIds = new Dictionary<string, int>(asked.Count, StringComparer.Ordinal);
        foreach (var key in asked)
        {
            askedIds[key] = askedIds.Count;
        }

        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8);
        void NullableString(string? value)
        {
            writer.Write(value is not null);
            if (value is not null)
            {
                writer.Write(value);
            }
        }
        void Hashes(IReadOnlyDictionary<string, string> map)
        {
            writer.Write7BitEncodedInt(map.Count);
            foreach (var (key, value) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                writer.Write(key);
                WriteHash(writer, value);
            }
        }
        writer.Write(Magic);
        writer.Write(Format);
        writer.Write(Global);
        writer.Write(Bytes);
        Hashes(SiteMembers);
        Hashes(ThemeFiles);
        writer.Write7BitEncodedInt(dependencies.Count);
        foreach (var set in dependencies)
        {
            writer.Write7BitEncodedInt(set.SiteMembers.Count);
            foreach (var member in set.SiteMembers)
            {
                writer.Write(member);
            }
            writer.Write7BitEncodedInt(set.ThemeFiles.Count);
            foreach (var (rel, full) in set.ThemeFiles.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                writer.Write(rel);
                NullableString(full);
            }
            writer.Write(set.PaperMembers is not null);
            if (set.PaperMembers is not null)
            {
                writer.Write7BitEncodedInt(set.PaperMembers.Count);
                foreach (var member in set.PaperMembers)
                {
                    writer.Write(member);
                }
            }
        }
        writer.Write7BitEncodedInt(askedIds.Count);
        foreach (var key in asked)
        {
            writer.Write(key);
        }
        writer.Write7BitEncodedInt(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var (page, rendered) = ordered[i];
            writer.Write(page);
            WriteHash(writer, rendered.Data);
            writer.Write7BitEncodedInt(pageSets[i]);
            // 0: no answers kept (null); otherwise 1 + their number.
            if (rendered.Exists is null)
            {
                writer.Write7BitEncodedInt(0);
                continue;
            }
            var answers = rendered.Exists.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
            writer.Write7BitEncodedInt(answers.Count + 1);
            foreach (var (key, value) in answers)
            {
                writer.Write7BitEncodedInt(askedIds[key]);
                writer.Write(value);
            }
        }
        Hashes(Files);
        Hashes(FileKeys);
        writer.Write7BitEncodedInt(Problems.Count);
        foreach (var (page, list) in Problems.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            writer.Write(page);
            writer.Write7BitEncodedInt(list.Count);
            foreach (var problem in list)
            {
                NullableString(problem.Location);
                writer.Write(problem.Message);
            }
        }
    }

    /// <summary>Three objects by identity.</summary>
    private sealed class SharedReads : IEqualityComparer<(object, object, object?)>
    {
        public static readonly SharedReads Instance = new();

        public bool Equals((object, object, object?) x, (object, object, object?) y) =>
            ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2) && ReferenceEquals(x.Item3, y.Item3);

        public int GetHashCode((object, object, object?) obj) => HashCode.Combine(
            System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item1),
            System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item2),
            obj.Item3 is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item3));
    }
}
