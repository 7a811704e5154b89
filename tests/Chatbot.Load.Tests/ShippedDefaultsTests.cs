using Chatbot.AppHost;
using Chatbot.AppHost.Hosting;
using Chatbot.AppHost.Orchestration;
using Chatbot.Aspire.Testing;
using Chatbot.Load.Sut;

namespace Chatbot.Load.Tests;

/// <summary>
/// Issue 25: the benchmark measures the system as it ships. <c>--shipped</c> must give every service the environment
/// <c>./scripts/run.sh</c> gives it (the AppHost with no arguments) and start what it starts, durably; a setting added to
/// that start, a service left out or the infrastructure made non-durable fails here.
/// </summary>
public sealed class ShippedDefaultsTests
{
    [Fact]
    public void The_shipped_start_gives_every_service_what_run_sh_gives_it()
    {
        var recorded = Configure("--shipped");
        var runSh = AppHostOptionsParser.Parse([]); // ./scripts/run.sh passes no argument to the AppHost
        var benchmark = AppHostOptionsParser.Parse([]);
        foreach (var (resource, name, value) in recorded.Settings)
        {
            benchmark.Environment.TryAdd(resource, []);
            benchmark.Environment[resource][name] = value;
        }
        var topology = ChatbotTopology.Create();

        Assert.Equal(runSh.Durable, recorded.Durable);
        Assert.Equal(topology.Projects.Select(p => p.Name).Order(), (recorded.Services ?? SystemUnderTest.AllServices).Order());
        foreach (var service in topology.Projects)
        {
            Assert.Equal(Environment(service, runSh), Environment(service, benchmark));
        }
        Assert.Equal(["settings: the shipped defaults (as ./scripts/run.sh starts the system; nothing changed)"], recorded.Describe(SystemUnderTest.AllServices));
    }

    [Fact]
    public void Every_setting_a_start_changes_is_printed()
    {
        var recorded = Configure("--start", "--env", "chat:Outbox__FastPath=false");
        var printed = recorded.Describe(SystemUnderTest.AllServices).ToList();

        Assert.NotEmpty(recorded.Settings);
        foreach (var (resource, name, value) in recorded.Settings)
        {
            Assert.Contains($"changed: {resource}: {name}={value}", printed);
        }
        Assert.Contains(printed, line => line.StartsWith("changed: services started: identity, chat, inference-worker", StringComparison.Ordinal));
        Assert.Contains(printed, line => line.StartsWith("changed: infrastructure without durability", StringComparison.Ordinal));
        Assert.Contains("changed: chat: Outbox__FastPath=false", printed);
    }

    [Fact]
    public void An_experiment_on_the_shipped_start_is_printed_as_a_change()
    {
        var recorded = Configure("--shipped", "--env", "inference-worker:Inference__FlushIntervalMilliseconds=10;chat:A__B=c", "--apphost", "--nice off");

        Assert.Equal(["changed: AppHost flags --nice off (./scripts/run.sh passes none)",
                "changed: inference-worker: Inference__FlushIntervalMilliseconds=10", "changed: chat: A__B=c"],
            recorded.Describe(SystemUnderTest.AllServices));
        Assert.Throws<ArgumentException>(() => Configure("--shipped", "--env", "chat-without-a-value"));
    }

    private static RecordingBuilder Configure(params string[] args)
    {
        var options = LoadOptions.Parse(args);
        var recorded = new RecordingBuilder(new NothingBuilt(), SystemUnderTest.AppHostArguments(options));
        SystemUnderTest.Configure(recorded, options, traceReceiver: null);
        return recorded;
    }

    private static SortedDictionary<string, string> Environment(ProjectResource service, AppHostOptions options) =>
        ServiceEnvironmentBuilder.Build(service, new Uri("http://localhost:5000"), "instance",
            new Dictionary<string, string>
            {
                ["identitydb"] = "db", ["chatdb"] = "db", ["moderationdb"] = "db", ["billingdb"] = "db", ["redis"] = "redis", ["rabbitmq"] = "amqp",
            },
            ChatbotTopology.Create().Projects.ToDictionary(p => p.Name, _ => new Uri("http://localhost:5001")),
            options, "/state", _ => "secret");

    /// <summary>The builder the recording passes each step to; nothing is started.</summary>
    private sealed class NothingBuilt : IDistributedApplicationTestingBuilder
    {
        public IDistributedApplicationTestingBuilder WithEnvironment(string resource, string name, string value) => this;

        public IDistributedApplicationTestingBuilder WithServices(params string[] names) => this;

        public IDistributedApplicationTestingBuilder WithDurableInfrastructure() => this;

        public Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
