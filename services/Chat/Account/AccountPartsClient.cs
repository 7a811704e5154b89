using System.Net;
using System.Text.Json;

namespace Chatbot.Chat.Account;

/// <summary>
/// The parts of an account other services own, fetched with the service credential (<c>/internal/*</c>, never forwarded
/// by chat's proxy): identity's profile (<c>GET /internal/accounts/{userId}?tenantId=</c>) and billing's usage
/// (<c>GET /internal/usage/{userId}?tenantId=</c>). Each answer is copied into the export as it came.
/// </summary>
public sealed class AccountPartsClient(IHttpClientFactory clients)
{
    public const string IdentityClient = "account-export-identity";
    public const string BillingClient = "account-export-billing";

    public Task<JsonElement?> GetProfileAsync(Guid tenantId, Guid userId, CancellationToken ct) =>
        GetAsync(IdentityClient, $"/internal/accounts/{userId}?tenantId={tenantId}", ct);

    public Task<JsonElement?> GetUsageAsync(Guid tenantId, Guid userId, CancellationToken ct) =>
        GetAsync(BillingClient, $"/internal/usage/{userId}?tenantId={tenantId}", ct);

    /// <summary>The JSON answer, null for 404 (the service has nothing of this user); another status throws.</summary>
    private async Task<JsonElement?> GetAsync(string client, string path, CancellationToken ct)
    {
        using var response = await clients.CreateClient(client).GetAsync(path, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new AccountPartUnavailableException(client, response.StatusCode);
        }
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        return await JsonSerializer.DeserializeAsync<JsonElement>(body, cancellationToken: ct);
    }
}
