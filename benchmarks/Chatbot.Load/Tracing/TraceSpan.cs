namespace Chatbot.Load.Tracing;

/// <summary>One exported span: times in Unix nanoseconds, events by name (first occurrence).</summary>
public sealed record TraceSpan(
    string TraceId, string Service, string Scope, string Name, int Kind, ulong Start, ulong End, IReadOnlyDictionary<string, ulong> Events)
{
    public const int Server = 2, Client = 3, Producer = 4, Consumer = 5;
}
