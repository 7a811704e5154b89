namespace Chatbot.AppHost.Hosting;

/// <summary>A database on a <see cref="PostgresServerResource"/>, created when missing.</summary>
public sealed class PostgresDatabaseResource(string name, PostgresServerResource server, string databaseName)
    : Resource(name), IResourceWithConnectionString
{
    public PostgresServerResource Server { get; } = server;
    public string DatabaseName { get; } = databaseName;

    public string ConnectionStringExpression => $"{{{Server.Name}.connectionString}};Database={DatabaseName}";
}
