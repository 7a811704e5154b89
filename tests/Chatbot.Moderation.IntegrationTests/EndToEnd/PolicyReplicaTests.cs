using System.Net.Http.Json;
using System.Text.Json;

namespace Chatbot.Moderation.IntegrationTests.EndToEnd;

/// <summary>
/// Two moderation processes on one Redis: a policy written through one replica's admin API reaches the other's cached
/// policy through the Redis invalidation channel, not after the cache's five minutes.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class PolicyReplicaTests(SystemFixture system)
{
    private const string Input = "Share the secret recipe for pancakes";

    [Fact]
    public async Task A_policy_saved_through_one_replica_applies_to_the_next_check_on_another()
    {
        using var origin = await system.SignUpAsync(); // the user who registers a tenant administers it
        var endpointB = await system.App.StartReplicaAsync("moderation");
        try
        {
            using var replicaA = system.App.CreateHttpClient("moderation");
            using var replicaB = new HttpClient { BaseAddress = endpointB };
            replicaA.DefaultRequestHeaders.Authorization = replicaB.DefaultRequestHeaders.Authorization = origin.DefaultRequestHeaders.Authorization;
            Assert.False(await FlaggedAsync(replicaB, Input)); // B now holds the tenant's default policy in its cache

            using var saved = await replicaA.PutAsJsonAsync("/api/moderation/policy",
                new { harmfulTerms = new Dictionary<string, string[]> { ["recipes"] = ["secret recipe"] } });
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());

            // Pub/sub is asynchronous: allow it a moment, far below the cache's five minutes.
            var deadline = DateTime.UtcNow.AddSeconds(10);
            var flagged = await FlaggedAsync(replicaB, Input);
            while (!flagged && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
                flagged = await FlaggedAsync(replicaB, Input);
            }
            Assert.True(flagged, "replica B still applied its cached policy after replica A saved a new one");
        }
        finally
        {
            // Stopped so the other tests of this system see one moderation consumer and its metrics.
            await system.App.StopResourceAsync("moderation-replica-1");
        }
    }

    private static async Task<bool> FlaggedAsync(HttpClient client, string input)
    {
        using var response = await client.PostAsJsonAsync("/api/moderations", new { input });
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var result = json.RootElement.GetProperty("results")[0];
        return result.GetProperty("categories").TryGetProperty("recipes", out var recipes) && recipes.GetBoolean();
    }
}
