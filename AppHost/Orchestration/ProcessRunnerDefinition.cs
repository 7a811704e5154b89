using Chatbot.AppHost.Processes;

namespace Chatbot.AppHost.Orchestration;

/// <summary>What a <see cref="ProcessResourceRunner"/> needs to know about one resource.</summary>
public sealed class ProcessRunnerDefinition
{
    public required string Name { get; init; }

    /// <summary>Shown in the console table: Project, PostgreSQL, Redis, RabbitMQ, Container...</summary>
    public required string Type { get; init; }

    /// <summary>Prepares (e.g. initdb) and describes the process; called before every start.</summary>
    public required Func<CancellationToken, Task<ProcessSpec>> PrepareAsync { get; init; }

    public required Func<CancellationToken, Task<bool>> HealthCheck { get; init; }

    /// <summary>Runs once the resource is healthy, before it counts as started (e.g. create missing databases).</summary>
    public Func<CancellationToken, Task>? AfterHealthyAsync { get; init; }

    /// <summary>A custom graceful stop (e.g. <c>pg_ctl stop -m fast</c>); the default sends the spec's stop signal.</summary>
    public Func<ManagedProcess, Task>? GracefulStopAsync { get; init; }

    /// <summary>Released when the runner is disposed (e.g. RabbitMQ's private epmd).</summary>
    public Func<ValueTask>? DisposeAsync { get; init; }

    public string? Url { get; init; }

    public bool RestartOnCrash { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(120);

    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(5);
}
