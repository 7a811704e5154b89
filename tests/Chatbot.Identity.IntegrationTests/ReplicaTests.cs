using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Chatbot.Identity.IntegrationTests;

/// <summary>Revocations reach every chat replica, not just the one that consumed the event.</summary>
[Collection(IdentityCollection.Name)]
public sealed class ReplicaTests(IdentitySystemFixture system)
{
    private sealed record ApiKeyCreated(Guid Id, string Key);

    private static async Task<HttpStatusCode> MeStatusAsync(HttpClient client, string credential)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static Task<bool> RejectedEverywhereAsync(IEnumerable<HttpClient> replicas, string credential) =>
        ChatOrigin.EventuallyAsync(async () =>
        {
            foreach (var replica in replicas)
            {
                if (await MeStatusAsync(replica, credential) != HttpStatusCode.Unauthorized)
                {
                    return false;
                }
            }
            return true;
        }, TimeSpan.FromSeconds(10));

    [Fact]
    public async Task A_deleted_users_token_and_a_revoked_key_are_rejected_by_every_chat_replica()
    {
        var replicaUri = await system.GetOrStartSecondChatReplicaAsync();
        using var origin = system.CreateClient();
        using var second = new HttpClient { BaseAddress = replicaUri };
        var (_, _, admin) = await origin.SignUpAsync();
        using var created = await origin.SendAsync(HttpMethod.Post, "/api/tenant/api-keys", admin.AccessToken, new { name = "replicas" });
        var key = (await created.Content.ReadFromJsonAsync<ApiKeyCreated>())!;
        var (_, memberPassword, member) = await origin.SignUpAsync();
        HttpClient[] replicas = [origin.Http, second];
        foreach (var replica in replicas)
        {
            Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(replica, key.Key));
            Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(replica, member.AccessToken!));
        }

        using var revoked = await origin.SendAsync(HttpMethod.Delete, $"/api/tenant/api-keys/{key.Id}", admin.AccessToken);
        using var deleted = await origin.SendAsync(HttpMethod.Post, "/api/account/delete", member.AccessToken, new { password = memberPassword });

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
        Assert.True(await RejectedEverywhereAsync(replicas, key.Key), "a replica still accepted the revoked API key");
        Assert.True(await RejectedEverywhereAsync(replicas, member.AccessToken!), "a replica still accepted the deleted user's token");
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(second, admin.AccessToken!));
    }
}
