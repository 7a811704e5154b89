namespace Chatbot.Aspire.Testing;

/// <summary>Configures a test run of the AppHost before it is built (mirrors Aspire.Hosting.Testing).</summary>
public interface IDistributedApplicationTestingBuilder
{
    /// <summary>Adds or overrides one environment variable of one service, e.g. ("inference-worker", "Inference__Simulator__TokensPerSecond", "200").</summary>
    IDistributedApplicationTestingBuilder WithEnvironment(string resource, string name, string value);

    /// <summary>Starts only these services plus the infrastructure they reference; no names = infrastructure only
    /// (postgres with all four databases, redis, rabbitmq). Default: all five services.</summary>
    IDistributedApplicationTestingBuilder WithServices(params string[] names);

    /// <summary>
    /// PostgreSQL with fsync, Redis with snapshots and RabbitMQ's data on disk, as <c>./scripts/run.sh</c> runs them
    /// (a test run's default is without: faster, and nothing there must survive an OS crash).
    /// </summary>
    IDistributedApplicationTestingBuilder WithDurableInfrastructure();

    Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default);
}
