namespace Chatbot.AppHost.Orchestration;

/// <summary>Runs one resource: start (returns once healthy), graceful stop, kill.</summary>
public interface IResourceRunner : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Starts the resource and returns once its health check passes.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Graceful stop; the resource is not restarted until <see cref="StartAsync"/> is called again.</summary>
    Task StopAsync(CancellationToken cancellationToken);

    /// <summary>SIGKILL to the whole process tree; not restarted automatically.</summary>
    Task KillAsync();
}
