using System.Net;

namespace Chatbot.EndToEnd.Tests;

/// <summary>Stop, start and replicate services of a running system (what chaos and scaling tests build on).</summary>
[Collection(SystemCollection.Name)]
public sealed class ResourceControlTests(SystemFixture system)
{
    [Fact]
    public async Task A_stopped_service_stops_answering_and_answers_again_after_start()
    {
        using var client = system.App.CreateManagementHttpClient("billing");

        await system.App.StopResourceAsync("billing");
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/health"));

        await system.App.StartResourceAsync("billing");
        using var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_killed_service_is_not_restarted_until_started_again()
    {
        await system.App.KillResourceAsync("moderation");
        var exited = await system.App.ResourceNotifications.WaitForResourceAsync("moderation", Chatbot.AppHost.Orchestration.KnownResourceStates.Exited)
            .WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(137, exited.ExitCode); // 128 + SIGKILL

        await system.App.StartResourceAsync("moderation");

        await system.App.ResourceNotifications.WaitForResourceHealthyAsync("moderation").WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_replica_runs_on_its_own_free_port_with_the_same_configuration()
    {
        var replica = await system.App.StartReplicaAsync("identity");

        using var client = new HttpClient { BaseAddress = system.App.GetManagementEndpoint(replica) };
        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(system.App.GetEndpoint("identity"), replica);
    }

    [Fact]
    public void Service_output_is_captured_per_resource()
    {
        Assert.NotEmpty(system.App.GetLogLines("chat"));
        Assert.NotEmpty(system.App.GetLogLines("postgres"));
    }
}
