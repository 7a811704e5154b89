namespace Chatbot.Chat.Turns;

/// <summary>The prompt version's text and its stored count (<see cref="Data.Entities.PromptVersion.ContentTokens"/>; null: counted per send).</summary>
public sealed record SystemPrompt(string Content, int? ContentTokens);
