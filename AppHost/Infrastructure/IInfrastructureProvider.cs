namespace Chatbot.AppHost.Infrastructure;

/// <summary>One way of providing PostgreSQL, Redis and RabbitMQ (see <see cref="InfraMode"/>).</summary>
public interface IInfrastructureProvider
{
    InfraMode Mode { get; }

    InfrastructureResources Create(InfrastructureContext context);
}
