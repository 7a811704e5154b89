using Chatbot.AppHost.Orchestration;
using Chatbot.AppHost.Processes;

namespace Chatbot.AppHost.Tests;

public sealed class ProcessResourceRunnerTests
{
    private readonly ResourceNotificationService _notifications = new();

    private ProcessResourceRunner Runner(bool restartOnCrash = true) => new(new ProcessRunnerDefinition
    {
        Name = "sleeper",
        Type = "Executable",
        RestartOnCrash = restartOnCrash,
        PrepareAsync = _ => Task.FromResult(new ProcessSpec("sleep", ["300"], "/")),
        HealthCheck = _ => Task.FromResult(true),
    }, _notifications, new ResourceLogStore());

    [Fact]
    public async Task A_crashed_process_is_restarted_after_a_backoff()
    {
        await using var runner = Runner();
        await runner.StartAsync(CancellationToken.None);
        var firstPid = runner.Pid!.Value;

        _ = NativeMethods.Kill(firstPid, NativeMethods.SigKill); // a crash, not a requested stop
        var snapshot = await _notifications.WaitForResourceAsync("sleeper", s => s.Restarts == 1 && s.IsHealthy)
            .WaitAsync(TimeSpan.FromSeconds(15));

        Assert.NotEqual(firstPid, snapshot.Pid);
        Assert.True(runner.Pid is not null);
    }

    [Fact]
    public async Task A_requested_kill_is_not_restarted_until_started_again()
    {
        await using var runner = Runner();
        await runner.StartAsync(CancellationToken.None);

        await runner.KillAsync();
        await _notifications.WaitForResourceAsync("sleeper", KnownResourceStates.Exited).WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(1500); // longer than the first backoff

        Assert.Equal(0, _notifications.GetSnapshot("sleeper")!.Restarts);
        Assert.Null(runner.Pid);
        await runner.StartAsync(CancellationToken.None);
        Assert.True(_notifications.GetSnapshot("sleeper")!.IsHealthy);
    }

    [Fact]
    public async Task A_process_that_dies_before_it_is_healthy_fails_to_start_with_its_output()
    {
        await using var runner = new ProcessResourceRunner(new ProcessRunnerDefinition
        {
            Name = "broken",
            Type = "Executable",
            PrepareAsync = _ => Task.FromResult(new ProcessSpec("bash", ["-c", "echo missing setting Foo:Bar; exit 3"], "/")),
            HealthCheck = _ => Task.FromResult(false),
        }, _notifications, new ResourceLogStore());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => runner.StartAsync(CancellationToken.None));

        Assert.Contains("missing setting Foo:Bar", error.Message);
        Assert.Equal(KnownResourceStates.FailedToStart, _notifications.GetSnapshot("broken")!.State);
    }
}
