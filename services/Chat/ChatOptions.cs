using System.ComponentModel.DataAnnotations;

namespace Chatbot.Chat;

/// <summary>Settings of the chat service, section <c>Chat</c>.</summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    /// <summary>Longest accepted user message, in characters.</summary>
    [Range(1, 1_000_000)]
    public int MaxContentLength { get; set; } = 32_000;

    /// <summary>Tokens (o200k) the system prompt, the history and the new message may use together.</summary>
    [Range(256, 2_000_000)]
    public int ContextTokenBudget { get; set; } = 16_000;

    /// <summary>Most messages of history read when building the context window.</summary>
    [Range(0, 1000)]
    public int HistoryMessageLimit { get; set; } = 50;

    [Range(1, 200_000)]
    public int MaxOutputTokens { get; set; } = 1024;

    /// <summary>How often one chat instance reads all the reply streams its clients wait on (one Redis call).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:05")]
    public TimeSpan StreamPollInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CancelKeyExpiry { get; set; } = TimeSpan.FromMinutes(30);
}
