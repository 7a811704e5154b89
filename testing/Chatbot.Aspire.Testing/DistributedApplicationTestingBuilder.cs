using Chatbot.AppHost;

namespace Chatbot.Aspire.Testing;

/// <summary>
/// Entry point of the test builder: <c>await using var app = await (await DistributedApplicationTestingBuilder.CreateAsync()).BuildAsync();
/// await app.StartAsync();</c>. Everything runs on free ports in a temporary state folder deleted on dispose.
/// </summary>
public static class DistributedApplicationTestingBuilder
{
    /// <summary>Arguments as for the AppHost, e.g. <c>["--services", "identity,chat"]</c>.</summary>
    public static Task<IDistributedApplicationTestingBuilder> CreateAsync(string[]? args = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var options = AppHostOptionsParser.Parse(args ?? []);
        options.UseFreePorts = true;
        options.Durable = false;
        options.Fresh = true;
        if (options.StateDirectory is not { Length: > 0 })
        {
            options.StateDirectory = Directory.CreateTempSubdirectory("chatbot-aspire-test-").FullName;
        }
        return Task.FromResult<IDistributedApplicationTestingBuilder>(new TestingBuilder(options));
    }

    private sealed class TestingBuilder(AppHostOptions options) : IDistributedApplicationTestingBuilder
    {
        public IDistributedApplicationTestingBuilder WithEnvironment(string resource, string name, string value)
        {
            if (!options.Environment.TryGetValue(resource, out var variables))
            {
                options.Environment[resource] = variables = [];
            }
            variables[name] = value;
            return this;
        }

        public IDistributedApplicationTestingBuilder WithServices(params string[] names)
        {
            options.Services = [.. names];
            return this;
        }

        public IDistributedApplicationTestingBuilder WithDurableInfrastructure()
        {
            options.Durable = true;
            return this;
        }

        public Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(new DistributedApplication(options));
        }
    }
}
