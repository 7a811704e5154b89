using Chatbot.AppHost.Orchestration;
using Chatbot.AppHost.Processes;

namespace Chatbot.AppHost.Infrastructure;

/// <summary>Redis as a local process; the password sits in a 0600 config file, data under <c>&lt;state&gt;/redis</c>.</summary>
public static class LocalRedis
{
    public static ProcessResourceRunner CreateRunner(InfrastructureContext context)
    {
        var resource = context.Redis;
        var server = LocalBinaries.RedisServer ?? throw new InvalidOperationException($"Redis is not installed: {LocalBinaries.InstallCommand}");
        var port = context.Ports[resource.Name];
        var root = context.StatePath("redis");
        var password = context.Password(resource.Password);
        return context.Runner(new ProcessRunnerDefinition
        {
            Name = resource.Name,
            Type = "Redis",
            Url = $"tcp://localhost:{port}",
            RestartOnCrash = context.Options.RestartOnCrash,
            StartTimeout = context.Options.StartTimeout,
            PrepareAsync = _ =>
            {
                Directory.CreateDirectory(root);
                var config = Path.Combine(root, "redis.conf");
                PasswordStore.WritePrivate(config, string.Join('\n',
                    $"port {port}",
                    "bind 127.0.0.1",
                    $"dir {root}",
                    $"requirepass {password}",
                    "daemonize no",
                    context.Options.Durable ? "save 60 1" : "save \"\"",
                    context.Options.Durable ? "appendonly yes" : "appendonly no",
                    ""));
                return Task.FromResult(new ProcessSpec(server, [config], root));
            },
            HealthCheck = InfraHealthChecks.Redis("127.0.0.1", port, password),
        });
    }
}
