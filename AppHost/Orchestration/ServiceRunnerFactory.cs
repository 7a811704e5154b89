using Chatbot.AppHost.Hosting;
using Chatbot.AppHost.Processes;

namespace Chatbot.AppHost.Orchestration;

/// <summary>
/// Builds the runner of one service instance: <c>dotnet &lt;assembly&gt;</c> in the project folder, health = GET /health
/// (on the management endpoint when the instance has one: then its own endpoint answers 404 there).
/// </summary>
public sealed class ServiceRunnerFactory(
    AppHostOptions options,
    ResourceNotificationService notifications,
    ResourceLogStore logs,
    HttpClient healthClient)
{
    public ProcessResourceRunner Create(string name, ProjectResource service, Uri endpoint, IReadOnlyDictionary<string, string> environment,
        Uri? managementEndpoint = null) =>
        new(new ProcessRunnerDefinition
        {
            Name = name,
            Type = "Project",
            Url = endpoint.ToString().TrimEnd('/'),
            RestartOnCrash = options.RestartOnCrash,
            StartTimeout = options.StartTimeout,
            PrepareAsync = _ => Task.FromResult(Spec(service, environment) with { Niceness = options.Nice ? service.Niceness : 0 }),
            HealthCheck = HealthProbe.Http(healthClient, managementEndpoint ?? endpoint),
        }, notifications, logs);

    /// <summary>Runs the service once with <c>--migrate</c> (same environment) and requires exit code 0.</summary>
    public async Task MigrateAsync(ProjectResource service, IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        var spec = Spec(service, environment);
        spec = spec with { Arguments = [.. spec.Arguments, "--migrate"] };
        await using var process = ManagedProcess.Start(spec, (line, isError) => logs.Write(service.Name, line, isError));
        int exitCode;
        try
        {
            exitCode = await process.Exited.WaitAsync(options.StartTimeout, ct);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"Migrations of {service.Name} did not finish within {options.StartTimeout.TotalSeconds:0} s.");
        }
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"Migrations of {service.Name} failed with exit code {exitCode}:{Environment.NewLine}{logs.Tail(service.Name)}");
        }
    }

    private static ProcessSpec Spec(ProjectResource service, IReadOnlyDictionary<string, string> environment)
    {
        var assembly = service.Project.AssemblyPath;
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"{service.Name} is not built ({assembly} is missing): run `dotnet build AppHost` first.", assembly);
        }
        return new ProcessSpec("dotnet", [assembly], Path.GetDirectoryName(service.Project.ProjectPath)!)
        {
            Environment = environment,
        };
    }
}
