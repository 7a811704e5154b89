using Chatbot.Chat.Data.Entities;

namespace Chatbot.Chat.Replies.Feedback;

public sealed record FeedbackDto(Guid ReplyId, string Rating, string? Comment, DateTimeOffset UpdatedAt)
{
    public static FeedbackDto From(ReplyFeedback f) => new(f.ReplyId, f.Rating, f.Comment, f.UpdatedAt);
}
