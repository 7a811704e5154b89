using Chatbot.Aspire.Testing;

namespace Chatbot.Load.Sut;

/// <summary>
/// Passes every step to the test builder and keeps what it changed against <c>./scripts/run.sh</c> (which starts all
/// five services with no extra environment and durable infrastructure), so the run prints each changed setting and a
/// test can hold the shipped-defaults start to none.
/// </summary>
public sealed class RecordingBuilder(IDistributedApplicationTestingBuilder inner, IReadOnlyList<string>? appHostArguments = null)
    : IDistributedApplicationTestingBuilder
{
    private readonly List<(string Resource, string Name, string Value)> _settings = [];

    public IReadOnlyList<(string Resource, string Name, string Value)> Settings => _settings;

    /// <summary>The services started; null = all five, as <c>./scripts/run.sh</c>.</summary>
    public IReadOnlyList<string>? Services { get; private set; }

    public bool Durable { get; private set; }

    public IDistributedApplicationTestingBuilder WithEnvironment(string resource, string name, string value)
    {
        _settings.RemoveAll(s => s.Resource == resource && s.Name == name);
        _settings.Add((resource, name, value));
        inner.WithEnvironment(resource, name, value);
        return this;
    }

    public IDistributedApplicationTestingBuilder WithServices(params string[] names)
    {
        Services = names;
        inner.WithServices(names);
        return this;
    }

    public IDistributedApplicationTestingBuilder WithDurableInfrastructure()
    {
        Durable = true;
        inner.WithDurableInfrastructure();
        return this;
    }

    public Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default) => inner.BuildAsync(cancellationToken);

    /// <summary>One line per difference from <c>./scripts/run.sh</c>'s start, or one line saying there is none.</summary>
    public IEnumerable<string> Describe(IReadOnlyCollection<string> allServices)
    {
        var changes = new List<string>();
        if (Services is { } services && !allServices.All(services.Contains))
        {
            changes.Add($"changed: services started: {string.Join(", ", services)} (./scripts/run.sh starts {string.Join(", ", allServices)})");
        }
        if (appHostArguments is { Count: > 0 })
        {
            changes.Add($"changed: AppHost flags {string.Join(' ', appHostArguments)} (./scripts/run.sh passes none)");
        }
        if (!Durable)
        {
            changes.Add("changed: infrastructure without durability (PostgreSQL fsync off, Redis without snapshots, RabbitMQ's data in memory)");
        }
        changes.AddRange(_settings.Select(s => $"changed: {s.Resource}: {s.Name}={s.Value}"));
        return changes.Count > 0 ? changes : ["settings: the shipped defaults (as ./scripts/run.sh starts the system; nothing changed)"];
    }
}
