using System.Diagnostics;
using System.Text.RegularExpressions;
using Chatbot.AppHost.Hosting;
using Chatbot.AppHost.Orchestration;
using Chatbot.AppHost.Processes;

namespace Chatbot.AppHost.Infrastructure;

/// <summary>
/// The servers as containers (<c>docker run --rm</c> in the foreground, so logs stream and the container goes away with
/// us), ports published on 127.0.0.1, data mounted from the state folder.
/// </summary>
public sealed partial class ContainerInfrastructure : IInfrastructureProvider
{
    public InfraMode Mode => InfraMode.Container;

    public static bool DockerAnswers()
    {
        if (LocalBinaries.FindOnPath("docker") is null)
        {
            return false;
        }
        try
        {
            using var docker = Process.Start(new ProcessStartInfo("docker", "info") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            return docker.WaitForExit(TimeSpan.FromSeconds(10)) && docker.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    public InfrastructureResources Create(InfrastructureContext context)
    {
        if (!DockerAnswers())
        {
            throw new PrerequisiteMissingException("No Docker engine answers (`docker info` failed): start Docker, or use --infra local.");
        }
        var connectionStrings = LocalConnectionStrings.Create(context);
        // Stable per state folder, so two checkouts never share containers and a rerun reuses the same names.
        var prefix = $"chatbot-{StateFolder.Key(context.StateDirectory, 8)}";
        return new(connectionStrings,
        [
            Runner(context, context.Postgres, prefix, InfraHealthChecks.Postgres(connectionStrings[context.Postgres.Name]),
                ct => PostgresDatabaseCreator.EnsureAsync(connectionStrings[context.Postgres.Name],
                    context.Postgres.Databases.Select(d => d.DatabaseName), ct)),
            Runner(context, context.Redis, prefix,
                InfraHealthChecks.Redis("127.0.0.1", context.Ports[context.Redis.Name], context.Password(context.Redis.Password)), null),
            Runner(context, context.RabbitMq, prefix, InfraHealthChecks.RabbitMq("127.0.0.1", context.Ports[context.RabbitMq.Name]), null),
        ]);
    }

    private static ProcessResourceRunner Runner(InfrastructureContext context, ContainerResource resource, string prefix,
        Func<CancellationToken, Task<bool>> healthCheck, Func<CancellationToken, Task>? afterHealthy)
    {
        var containerName = $"{prefix}-{resource.Name}";
        var port = context.Ports[resource.Name];
        return context.Runner(new ProcessRunnerDefinition
        {
            Name = resource.Name,
            Type = "Container",
            Url = $"tcp://localhost:{port}",
            RestartOnCrash = context.Options.RestartOnCrash,
            StartTimeout = context.Options.StartTimeout,
            PrepareAsync = _ => Task.FromResult(new ProcessSpec("docker", DockerRunArguments(context, resource, containerName, port), context.StateDirectory)),
            HealthCheck = healthCheck,
            AfterHealthyAsync = afterHealthy,
            GracefulStopAsync = async process =>
            {
                await using var stop = ManagedProcess.Start(new ProcessSpec("docker", ["stop", "-t", "5", containerName], "/"), (_, _) => { });
                await Task.WhenAny(stop.Exited, Task.Delay(TimeSpan.FromSeconds(8)));
                await process.StopAsync(TimeSpan.FromSeconds(2));
            },
        });
    }

    private static List<string> DockerRunArguments(InfrastructureContext context, ContainerResource resource, string containerName, int port)
    {
        var arguments = new List<string> { "run", "--rm", "--name", containerName, "-p", $"127.0.0.1:{port}:{resource.TargetPort}" };
        foreach (var (key, value) in resource.Environment)
        {
            arguments.AddRange(["-e", $"{key}={Resolve(context, value)}"]);
        }
        if (resource.DataPath is { } dataPath)
        {
            var volume = context.StatePath("containers", resource.Name);
            Directory.CreateDirectory(volume);
            arguments.AddRange(["-v", $"{volume}:{dataPath}"]);
        }
        arguments.Add($"{resource.Image}:{resource.Tag}");
        arguments.AddRange(resource.Args.Select(a => Resolve(context, a)));
        return arguments;
    }

    /// <summary>Replaces <c>{name.value}</c> parameter expressions with the generated passwords.</summary>
    private static string Resolve(InfrastructureContext context, string value) =>
        ParameterExpression().Replace(value, m => context.Passwords.GetOrCreate(m.Groups[1].Value));

    [GeneratedRegex(@"\{([a-z0-9-]+)\.value\}")]
    private static partial Regex ParameterExpression();
}
