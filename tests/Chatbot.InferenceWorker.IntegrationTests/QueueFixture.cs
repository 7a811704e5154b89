namespace Chatbot.InferenceWorker.IntegrationTests;

/// <summary>
/// The worker with one provider, the in-process simulator, configured to take one request at a time
/// (<c>MaxConcurrentRequests</c> 1): every other turn waits in the worker and is told its place every 100 ms.
/// </summary>
public sealed class QueueFixture : WorkerFixture
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        foreach (var key in settings.Keys.Where(k => k.StartsWith("Inference:Providers:", StringComparison.Ordinal)).ToList()) settings.Remove(key);
        settings["Inference:Providers:0:Type"] = "Simulator";
        settings["Inference:Providers:0:Name"] = "simulator";
        settings["Inference:Providers:0:MaxConcurrentRequests"] = "1";
        settings["Inference:Queue:Capacity"] = "1000";
        settings["Inference:Queue:UpdateIntervalMilliseconds"] = "100";
    }
}
