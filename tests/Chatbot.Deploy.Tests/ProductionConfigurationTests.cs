namespace Chatbot.Deploy.Tests;

/// <summary>
/// Every service started in Production with exactly the environment a deploy file gives it (only addresses moved to
/// this test's servers): a setting the file forgets stops start-up (ValidateOnStart) and fails the test with the log.
/// </summary>
public sealed class ProductionConfigurationTests(ProductionConfigurationFixture fixture) : IClassFixture<ProductionConfigurationFixture>
{
    [Fact]
    public async Task Compose_starts_every_service_in_production()
    {
        var variables = EnvFileVariables();
        await using var host = new ProductionHost(fixture.Infrastructure, fixture.Smtp);
        foreach (var service in ServiceProjects.WithDatabase)
        {
            await host.MigrateAsync(service, ComposeEnvironment.For($"{service}-migrate", variables));
        }
        foreach (var service in ServiceProjects.StartOrder)
        {
            await host.StartAsync(service, ComposeEnvironment.For(service, variables));
        }
        Assert.Equal(ServiceProjects.StartOrder.Length, host.Endpoints.Count);
    }

    /// <summary>What an operator puts in the secret besides the addresses the host moves (connection strings, SMTP relay).</summary>
    private static readonly Dictionary<string, string> SecretValues = new()
    {
        ["Inference__Providers__0__Endpoint"] = "https://provider.example/v1",
        ["ServiceAuth__Credential"] = "test-service-credential-0123456789",
    };

    [Fact]
    public async Task Kubernetes_base_starts_every_service_in_production()
    {
        await using var host = new ProductionHost(fixture.Infrastructure, fixture.Smtp);
        foreach (var service in ServiceProjects.WithDatabase)
        {
            await host.MigrateAsync(service, KubernetesEnvironment.For(service, "migrate", SecretValues));
        }
        foreach (var service in ServiceProjects.StartOrder)
        {
            await host.StartAsync(service, KubernetesEnvironment.For(service, service, SecretValues));
        }
        Assert.Equal(ServiceProjects.StartOrder.Length, host.Endpoints.Count);
    }

    /// <summary>deploy/.env.example, with a value for each variable it leaves for the operator to fill.</summary>
    private static Dictionary<string, string> EnvFileVariables() =>
        File.ReadLines(RepoRoot.Of("deploy/.env.example"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1].Length > 0 || !IsRequired(pair[0]) ? pair[1] : $"test-{pair[0].ToLowerInvariant()}-0123456789");

    private static bool IsRequired(string variable) => variable is "POSTGRES_PASSWORD" or "REDIS_PASSWORD" or "RABBITMQ_PASSWORD" or "SERVICE_CREDENTIAL" or "TAG";
}
