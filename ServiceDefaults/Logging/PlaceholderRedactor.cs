using Microsoft.Extensions.Compliance.Redaction;

namespace Chatbot.ServiceDefaults.Logging;

/// <summary>Replaces any classified value with a fixed marker, so a reader sees that something was removed but not its length.</summary>
public sealed class PlaceholderRedactor : Redactor
{
    public const string Marker = "[REDACTED]";

    public override int GetRedactedLength(ReadOnlySpan<char> input) => Marker.Length;

    public override int Redact(ReadOnlySpan<char> source, Span<char> destination)
    {
        Marker.AsSpan().CopyTo(destination);
        return Marker.Length;
    }
}
