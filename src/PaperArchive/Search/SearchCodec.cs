using System.Text;

namespace PaperArchive.Search;

/// <summary>
/// Text encoding of integer sequences for index files that must be JavaScript (so they load from
/// <c>file://</c> too): each character of a 64-character URL-safe alphabet carries 5 bits plus a
/// continuation bit, least significant group first. Small numbers (doc gaps of frequent terms) take
/// one character, and gzip squeezes the rest.
/// </summary>
public static class SearchCodec
{
    public const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

    private static readonly int[] Reverse = BuildReverse();

    public static void AppendVarint(StringBuilder sb, int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        var v = (uint)value;
        while (v >= 32)
        {
            sb.Append(Alphabet[(int)(32 | (v & 31))]);
            v >>= 5;
        }
        sb.Append(Alphabet[(int)v]);
    }

    /// <summary>One character for a value 0..63.</summary>
    public static char Digit(int value) => Alphabet[value];

    public static int FromDigit(char c) => c < 128 && Reverse[c] >= 0 ? Reverse[c] : throw new FormatException("Not a search codec digit: " + c);

    /// <summary>Reads a varint at <paramref name="pos"/>, advancing it.</summary>
    public static int ReadVarint(string s, ref int pos)
    {
        var value = 0;
        var shift = 0;
        while (true)
        {
            var d = FromDigit(s[pos++]);
            value |= (d & 31) << shift;
            if ((d & 32) == 0)
            {
                return value;
            }
            shift += 5;
        }
    }

    /// <summary>
    /// Sorted shard separators as one string: each is a digit (how many leading characters it
    /// shares with the one before, at most 63) and the rest of it, separated by spaces (index terms
    /// have none). Gzip then sees only what is new in each.
    /// </summary>
    public static string EncodeStarts(IReadOnlyList<string> starts)
    {
        var sb = new StringBuilder();
        var previous = "";
        foreach (var start in starts)
        {
            if (start.Length == 0 || start.Contains(' ', StringComparison.Ordinal))
            {
                throw new ArgumentException("A shard separator is empty or holds a space: '" + start + "'", nameof(starts));
            }
            var shared = 0;
            var max = Math.Min(63, Math.Min(previous.Length, start.Length));
            while (shared < max && previous[shared] == start[shared])
            {
                shared++;
            }
            if (shared > 0 && shared < start.Length && char.IsLowSurrogate(start[shared]))
            {
                shared--; // never split a surrogate pair between two entries
            }
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }
            sb.Append(Digit(shared)).Append(start, shared, start.Length - shared);
            previous = start;
        }
        return sb.ToString();
    }

    public static IReadOnlyList<string> DecodeStarts(string encoded)
    {
        var result = new List<string>();
        var previous = "";
        foreach (var part in encoded.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            previous = string.Concat(previous.AsSpan(0, FromDigit(part[0])), part.AsSpan(1));
            result.Add(previous);
        }
        return result;
    }

    private static int[] BuildReverse()
    {
        var r = new int[128];
        Array.Fill(r, -1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            r[Alphabet[i]] = i;
        }
        return r;
    }
}
