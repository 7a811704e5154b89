using Chatbot.AppHost.Processes;

namespace Chatbot.AppHost.Infrastructure;

/// <summary>PostgreSQL, Redis and RabbitMQ as local processes from the installed Debian packages.</summary>
public sealed class LocalInfrastructure(PortAllocator ports) : IInfrastructureProvider
{
    public InfraMode Mode => InfraMode.Local;

    public InfrastructureResources Create(InfrastructureContext context)
    {
        if (LocalBinaries.MissingPackages() is { Count: > 0 } missing)
        {
            throw new PrerequisiteMissingException($"Missing {string.Join(", ", missing)}: run `apt-get install -y {string.Join(' ', missing)}` (or use --infra container|existing).");
        }
        var connectionStrings = LocalConnectionStrings.Create(context);
        return new(connectionStrings,
        [
            LocalPostgres.CreateRunner(context, connectionStrings),
            LocalRedis.CreateRunner(context),
            LocalRabbitMq.CreateRunner(context, ports),
        ]);
    }
}
