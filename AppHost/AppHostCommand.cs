using System.Diagnostics;
using System.Runtime.InteropServices;
using Chatbot.AppHost.ConsoleUi;
using Chatbot.AppHost.Infrastructure;
using Chatbot.AppHost.Orchestration;
using Chatbot.AppHost.Publishing;
using Microsoft.Extensions.Configuration;

namespace Chatbot.AppHost;

/// <summary>
/// <c>dotnet run --project AppHost [flags]</c>: publish the manifest, or start everything, show the console and stop
/// everything on Ctrl+C / SIGTERM within 10 s.
/// </summary>
public static class AppHostCommand
{
    private static readonly TimeSpan StopBudget = TimeSpan.FromSeconds(9);

    public static async Task<int> RunAsync(string[] args)
    {
        AppHostOptions options;
        try
        {
            options = AppHostOptionsParser.Parse(args, LoadConfiguration());
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
        var model = ChatbotTopology.Create();
        if (options.Publisher is { } publisher)
        {
            return await PublishAsync(model, publisher, options.OutputPath);
        }

        using var stopping = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stopping.Cancel(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stopping.Cancel(); });
        using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, c => { c.Cancel = true; stopping.Cancel(); }); // terminal closed

        AppHostOrchestrator orchestrator;
        try
        {
            orchestrator = new AppHostOrchestrator(model, options);
            if (orchestrator.PortsInUse() is { Count: > 0 } busy)
            {
                Console.Error.WriteLine($"error: port already in use: {string.Join(", ", busy)}; stop what uses it or pass --port <name>=<port>.");
                return 1;
            }
        }
        catch (Exception e) when (e is PrerequisiteMissingException or ArgumentException or KeyNotFoundException or InvalidCastException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }

        var dashboard = new ConsoleDashboard(orchestrator.Notifications, orchestrator.Logs, Console.Out,
            interactive: !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("TERM") is not (null or "dumb"));
        var exitCode = 0;
        try
        {
            dashboard.Info($"infrastructure: {orchestrator.Mode.ToString().ToLowerInvariant()}; state folder: {orchestrator.StateDirectory}");
            var clock = Stopwatch.StartNew();
            await orchestrator.StartAsync(stopping.Token);
            dashboard.Info($"all resources healthy in {clock.Elapsed.TotalSeconds:0.0}s");
            foreach (var (name, endpoint) in orchestrator.Endpoints.Where(e => orchestrator.SelectedServices.Any(s => s.Name == e.Key)))
            {
                dashboard.Info($"{name,-17} {endpoint.ToString().TrimEnd('/')}");
            }
            dashboard.Info("press Ctrl+C to stop");
            await Task.Delay(Timeout.Infinite, stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is PrerequisiteMissingException)
        {
            dashboard.Info($"error: {e.Message}");
            exitCode = 1;
        }
        catch (Exception e)
        {
            dashboard.Info($"error: start failed: {e.Message}");
            exitCode = 1;
        }
        dashboard.Info("stopping...");
        await StopAsync(orchestrator, dashboard);
        await dashboard.DisposeAsync();
        return exitCode;
    }

    private static async Task StopAsync(AppHostOrchestrator orchestrator, ConsoleDashboard dashboard)
    {
        var clock = Stopwatch.StartNew();
        var stop = orchestrator.DisposeAsync().AsTask();
        if (await Task.WhenAny(stop, Task.Delay(StopBudget)) != stop)
        {
            dashboard.Info("graceful stop overran; killing the remaining processes");
            await orchestrator.KillAllAsync();
        }
        dashboard.Info($"stopped in {clock.Elapsed.TotalSeconds:0.0}s");
    }

    private static async Task<int> PublishAsync(Hosting.DistributedApplicationModel model, string publisher, string? outputPath)
    {
        if (publisher != "manifest" || outputPath is null)
        {
            Console.Error.WriteLine("error: use --publisher manifest --output-path <file>.");
            return 2;
        }
        await ManifestWriter.WriteAsync(model, outputPath);
        Console.WriteLine($"Wrote the Aspire manifest to {Path.GetFullPath(outputPath)}");
        return 0;
    }

    /// <summary>appsettings.json next to the AppHost, then environment variables (e.g. <c>ConnectionStrings__postgres</c>, <c>Ports__chat</c>).</summary>
    private static IConfiguration LoadConfiguration() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(Projects.AppHostProject.Directory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .Build();
}
