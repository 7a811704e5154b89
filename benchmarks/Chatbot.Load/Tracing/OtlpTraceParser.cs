using System.Text;

namespace Chatbot.Load.Tracing;

/// <summary>
/// Reads an OTLP <c>ExportTraceServiceRequest</c> (opentelemetry/proto/collector/trace/v1): resource spans → scope spans
/// → spans, keeping the resource's <c>service.name</c>, the scope name, and each span's ids, name, kind, times and events.
/// </summary>
public static class OtlpTraceParser
{
    public static List<TraceSpan> Parse(ReadOnlySpan<byte> request)
    {
        var spans = new List<TraceSpan>();
        var reader = new ProtoReader(request);
        while (reader.Next())
        {
            if (reader.Field == 1) ReadResourceSpans(reader.Bytes(), spans);
            else reader.Skip();
        }
        return spans;
    }

    private static void ReadResourceSpans(ReadOnlySpan<byte> message, List<TraceSpan> spans)
    {
        var service = "";
        var scopes = new List<byte[]>();
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1: service = ServiceName(reader.Bytes()) ?? service; break;
                case 2: scopes.Add(reader.Bytes().ToArray()); break;
                default: reader.Skip(); break;
            }
        }
        foreach (var scope in scopes) ReadScopeSpans(scope, service, spans);
    }

    private static string? ServiceName(ReadOnlySpan<byte> resource)
    {
        var reader = new ProtoReader(resource);
        while (reader.Next())
        {
            if (reader.Field != 1) { reader.Skip(); continue; }
            var (key, value) = KeyValue(reader.Bytes());
            if (key == "service.name") return value;
        }
        return null;
    }

    private static (string Key, string? Value) KeyValue(ReadOnlySpan<byte> keyValue)
    {
        string key = "";
        string? value = null;
        var reader = new ProtoReader(keyValue);
        while (reader.Next())
        {
            if (reader.Field == 1) key = Encoding.UTF8.GetString(reader.Bytes());
            else if (reader.Field == 2) value = AnyString(reader.Bytes());
            else reader.Skip();
        }
        return (key, value);
    }

    private static string? AnyString(ReadOnlySpan<byte> anyValue)
    {
        var reader = new ProtoReader(anyValue);
        while (reader.Next())
        {
            if (reader.Field == 1) return Encoding.UTF8.GetString(reader.Bytes());
            reader.Skip();
        }
        return null;
    }

    private static void ReadScopeSpans(ReadOnlySpan<byte> message, string service, List<TraceSpan> spans)
    {
        var scope = "";
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1: scope = ScopeName(reader.Bytes()); break;
                case 2: spans.Add(ReadSpan(reader.Bytes(), service, scope)); break;
                default: reader.Skip(); break;
            }
        }
    }

    private static string ScopeName(ReadOnlySpan<byte> scope)
    {
        var reader = new ProtoReader(scope);
        while (reader.Next())
        {
            if (reader.Field == 1) return Encoding.UTF8.GetString(reader.Bytes());
            reader.Skip();
        }
        return "";
    }

    private static TraceSpan ReadSpan(ReadOnlySpan<byte> message, string service, string scope)
    {
        string traceId = "", name = "";
        int kind = 0;
        ulong start = 0, end = 0;
        var events = new Dictionary<string, ulong>();
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1: traceId = Convert.ToHexStringLower(reader.Bytes()); break;
                case 5: name = Encoding.UTF8.GetString(reader.Bytes()); break;
                case 6: kind = (int)reader.Varint(); break;
                case 7: start = reader.Fixed64(); break;
                case 8: end = reader.Fixed64(); break;
                case 11: ReadEvent(reader.Bytes(), events); break;
                default: reader.Skip(); break;
            }
        }
        return new TraceSpan(traceId, service, scope, name, kind, start, end, events);
    }

    private static void ReadEvent(ReadOnlySpan<byte> message, Dictionary<string, ulong> events)
    {
        ulong time = 0;
        var name = "";
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            if (reader.Field == 1) time = reader.Fixed64();
            else if (reader.Field == 2) name = Encoding.UTF8.GetString(reader.Bytes());
            else reader.Skip();
        }
        events.TryAdd(name, time);
    }
}
