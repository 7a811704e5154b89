using Chatbot.AppHost.Hosting;
using Chatbot.AppHost.Orchestration;

namespace Chatbot.AppHost.Infrastructure;

/// <summary>What an infrastructure provider gets: the model, options, chosen ports, passwords and the state folder.</summary>
public sealed record InfrastructureContext(
    DistributedApplicationModel Model,
    AppHostOptions Options,
    IReadOnlyDictionary<string, int> Ports,
    PasswordStore Passwords,
    string StateDirectory,
    ResourceNotificationService Notifications,
    ResourceLogStore Logs)
{
    public PostgresServerResource Postgres => Model.Single<PostgresServerResource>();
    public RedisResource Redis => Model.Single<RedisResource>();
    public RabbitMQServerResource RabbitMq => Model.Single<RabbitMQServerResource>();

    public string Password(ParameterResource parameter) => Passwords.GetOrCreate(parameter.Name);

    public string StatePath(params string[] parts) => Path.Combine([StateDirectory, .. parts]);

    public ProcessResourceRunner Runner(ProcessRunnerDefinition definition) => new(definition, Notifications, Logs);
}
