using Chatbot.Contracts.Moderation;
using MassTransit;

namespace Chatbot.Moderation.Flow;

/// <summary>Thin consumer: the work is in <see cref="InputModerationService"/>.</summary>
public sealed class ModerateInputConsumer(InputModerationService service) : IConsumer<ModerateInput>
{
    public Task Consume(ConsumeContext<ModerateInput> context) => service.ModerateAsync(context.Message, context.CancellationToken);
}
