namespace Chatbot.Contracts;

/// <summary>Every command and event carries the id that ties one chat turn together and when it happened.</summary>
public interface IMessage
{
    Guid CorrelationId { get; }
    DateTimeOffset OccurredAt { get; }
}
