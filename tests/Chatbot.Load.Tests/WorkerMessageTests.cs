using System.Text.Json;
using Chatbot.Load.Metrics;
using Chatbot.Load.Workers;

namespace Chatbot.Load.Tests;

public class WorkerMessageTests
{
    [Fact]
    public void A_workers_steps_survive_the_json_line_and_merge_into_the_coordinators_recorder()
    {
        var worker = new Recorder();
        foreach (var ms in new[] { 5.0, 12, 12, 900 })
        {
            worker["time to first token"].Success(ms);
        }
        worker["time to first token"].Failure("HTTP 503");

        var line = JsonSerializer.Serialize(new WorkerMessage(4, 3, 1, StepSnapshot.Of(worker)));
        var coordinator = new Recorder();
        foreach (var step in JsonSerializer.Deserialize<WorkerMessage>(line)!.Steps!)
        {
            step.MergeInto(coordinator);
            step.MergeInto(coordinator); // a second worker with the same figures
        }

        var merged = coordinator["time to first token"];
        Assert.Equal(8, merged.Latency.Count);
        Assert.Equal(worker["time to first token"].Latency.Percentile(50), merged.Latency.Percentile(50));
        Assert.Equal(900, merged.Latency.MaxMilliseconds);
        Assert.Equal(2, merged.ErrorKinds["HTTP 503"]);
    }
}
