namespace Chatbot.Chat.Turns;

/// <summary>An earlier message of the conversation as a new turn reads it: its stored token count, when it has one, spares the window a tokenizer pass.</summary>
public sealed record HistoryTurn(string Role, string Content, int? ContentTokens);
