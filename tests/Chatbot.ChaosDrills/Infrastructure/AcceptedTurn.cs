namespace Chatbot.ChaosDrills.Infrastructure;

/// <summary>A message chat answered 202 for: the ids the drill later checks in chatdb, billingdb and the stream.</summary>
public sealed record AcceptedTurn(ChatUser User, Guid ConversationId, Guid MessageId, Guid ReplyId, string StreamUrl);
