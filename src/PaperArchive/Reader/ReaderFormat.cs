using System.Globalization;
using System.Text.Json;

namespace PaperArchive.Reader;

/// <summary>
/// The reader data files under <c>site/reader/</c> (format in <c>Reader/README.md</c>). Like the search
/// index, each file is a script calling <c>__paReader.add(kind, number, data)</c>, so pages load them
/// with a script element — over http(s) and from <c>file://</c>, where <c>fetch</c> is refused.
/// Papers are spread over shards by a hash of their id, so the browser fetches only the shards of
/// the papers it needs (a reading list of 30 papers touches at most 30 small files).
/// </summary>
public static class ReaderFormat
{
    /// <summary>Format version written in <c>root.js</c>; the client refuses a format it does not know.</summary>
    public const int Version = 1;

    /// <summary>Papers per shard, on average.</summary>
    public const int PapersPerShard = 32;

    public static int ShardCount(int papers) => Math.Max(1, (papers + PapersPerShard - 1) / PapersPerShard);

    /// <summary>FNV-1a (32 bit) over the id's UTF-16 code units, modulo <paramref name="shards"/>; <c>reader.js</c> computes the same.</summary>
    public static int Shard(string id, int shards)
    {
        uint h = 2166136261;
        foreach (var ch in id)
        {
            h ^= ch;
            h *= 16777619;
        }
        return (int)(h % (uint)shards);
    }

    public static string Script(string kind, int number, object data) =>
        "__paReader.add(\"" + kind + "\"," + number.ToString(CultureInfo.InvariantCulture) + "," + JsonSerializer.Serialize(data) + ");\n";
}
