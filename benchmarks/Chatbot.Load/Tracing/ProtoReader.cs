namespace Chatbot.Load.Tracing;

/// <summary>
/// The few protobuf wire rules an OTLP trace export needs (varint, 64-bit, length-delimited), read field by field.
/// No generated code: the benchmark reads spans, their events and one resource attribute, and skips the rest.
/// </summary>
public ref struct ProtoReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> data = data;
    private int position;

    public int Field { get; private set; }
    private int wireType;

    public bool Next()
    {
        if (position >= data.Length) return false;
        var tag = Varint();
        Field = (int)(tag >> 3);
        wireType = (int)(tag & 7);
        return true;
    }

    public ulong Varint()
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
    }

    public ulong Fixed64()
    {
        var value = BitConverter.ToUInt64(data.Slice(position, 8));
        position += 8;
        return value;
    }

    public ReadOnlySpan<byte> Bytes()
    {
        var length = (int)Varint();
        var bytes = data.Slice(position, length);
        position += length;
        return bytes;
    }

    public void Skip()
    {
        switch (wireType)
        {
            case 0: Varint(); break;
            case 1: position += 8; break;
            case 2: Bytes(); break;
            case 5: position += 4; break;
            default: throw new InvalidDataException($"Unsupported protobuf wire type {wireType}.");
        }
    }
}
