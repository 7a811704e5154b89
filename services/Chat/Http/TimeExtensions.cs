namespace Chatbot.Chat.Http;

public static class TimeExtensions
{
    /// <summary>PostgreSQL keeps microseconds: truncating first makes a value read back equal to the one written.</summary>
    public static DateTimeOffset TruncateToMicroseconds(this DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % 10, TimeSpan.Zero);
}
