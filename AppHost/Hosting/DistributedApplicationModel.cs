namespace Chatbot.AppHost.Hosting;

/// <summary>The resources of one application, in declaration order.</summary>
public sealed class DistributedApplicationModel(IReadOnlyList<Resource> resources)
{
    public IReadOnlyList<Resource> Resources { get; } = resources;

    public IEnumerable<ProjectResource> Projects => Resources.OfType<ProjectResource>();

    /// <summary>Servers the services depend on (postgres, redis, rabbitmq).</summary>
    public IEnumerable<ContainerResource> Infrastructure => Resources.OfType<ContainerResource>();

    public IEnumerable<PostgresDatabaseResource> Databases => Resources.OfType<PostgresDatabaseResource>();

    public IEnumerable<ParameterResource> Parameters => Resources.OfType<ParameterResource>();

    public Resource this[string name] => Find(name) ?? throw new KeyNotFoundException($"There is no resource named '{name}'.");

    public Resource? Find(string name) => Resources.FirstOrDefault(r => r.Name == name);

    public T Single<T>() where T : Resource => Resources.OfType<T>().Single();
}
