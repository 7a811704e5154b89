namespace Chatbot.Benchmarks;

public sealed record SentMessage(Guid ReplyId, string StreamUrl, double Milliseconds);
