namespace Chatbot.Chat.Data.Entities;

public static class ReplyFeedbackLimits
{
    public const int MaxCommentLength = 2000;
    public const string Up = "up";
    public const string Down = "down";
}
