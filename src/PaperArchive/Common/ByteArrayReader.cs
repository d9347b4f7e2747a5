using System.Text;

namespace PaperArchive.Common;

/// <summary>
/// A <see cref="BinaryReader"/> over a byte array whose <see cref="ReadString"/> decodes straight from the array.
/// The base class decodes through a 128-byte buffer and a string builder: reading a 31 MB cache of 20,000 papers'
/// abstracts that way took about a second. Same format (7-bit length, then the encoding's bytes), same errors for a
/// short or damaged file.
/// </summary>
public sealed class ByteArrayReader : BinaryReader
{
    private readonly byte[] _bytes;
    private readonly int _offset;
    private readonly int _end;
    private readonly Encoding _encoding;

    public ByteArrayReader(byte[] bytes, int offset, int count, Encoding encoding)
        : base(new MemoryStream(bytes, offset, count, writable: false), encoding)
    {
        (_bytes, _offset, _end, _encoding) = (bytes, offset, offset + count, encoding);
    }

    public override string ReadString()
    {
        var length = Read7BitEncodedInt();
        if (length < 0)
        {
            throw new FormatException("negative string length");
        }
        var start = _offset + (int)BaseStream.Position;
        if (length > _end - start)
        {
            throw new EndOfStreamException();
        }
        BaseStream.Position += length;
        return length == 0 ? "" : _encoding.GetString(_bytes, start, length);
    }
}
