namespace Chatbot.Chat.OpenAi;

public enum CompletionEventKind
{
    Token,
    Reset,
    Done,
    Error,
    ToolCall,
}
