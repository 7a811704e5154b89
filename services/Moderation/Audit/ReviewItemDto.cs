namespace Chatbot.Moderation.Audit;

public sealed record ReviewItemDto(Guid Id, Guid? ReplyId, Guid? UserId, string Source, string Categories, string MaskedText,
    string Status, string? Note, DateTimeOffset CreatedAt, Guid? DecidedBy, DateTimeOffset? DecidedAt);
