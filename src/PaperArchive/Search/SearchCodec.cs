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
