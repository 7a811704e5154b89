namespace Chatbot.Load.Overhead;

public sealed record SentMessage(Guid ReplyId, string StreamUrl, double Milliseconds);
