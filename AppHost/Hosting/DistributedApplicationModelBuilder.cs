namespace Chatbot.AppHost.Hosting;

/// <summary>Declares resources the way an Aspire AppHost does (<c>AddPostgres</c>, <c>AddDatabase</c>, <c>AddProject</c>...).</summary>
public sealed class DistributedApplicationModelBuilder
{
    private readonly List<Resource> _resources = [];

    public ParameterResource AddParameter(string name, bool secret = false) => Add(new ParameterResource(name, secret));

    public PostgresServerResource AddPostgres(string name) =>
        Add(new PostgresServerResource(name, AddParameter($"{name}-password", secret: true)));

    public PostgresDatabaseResource AddDatabase(PostgresServerResource server, string name)
    {
        var database = Add(new PostgresDatabaseResource(name, server, name));
        server.Databases.Add(database);
        return database;
    }

    public RedisResource AddRedis(string name) => Add(new RedisResource(name, AddParameter($"{name}-password", secret: true)));

    public RabbitMQServerResource AddRabbitMQ(string name) =>
        Add(new RabbitMQServerResource(name, AddParameter($"{name}-password", secret: true)));

    public ProjectResource AddProject<TProject>(string name, int defaultPort) where TProject : IProjectMetadata, new() =>
        AddProject(name, new TProject(), defaultPort);

    public ProjectResource AddProject(string name, IProjectMetadata project, int defaultPort) =>
        Add(new ProjectResource(name, project, defaultPort));

    public DistributedApplicationModel Build() => new([.. _resources]);

    private T Add<T>(T resource) where T : Resource
    {
        if (_resources.Any(r => r.Name == resource.Name))
        {
            throw new InvalidOperationException($"A resource named '{resource.Name}' is already declared.");
        }
        _resources.Add(resource);
        return resource;
    }
}
