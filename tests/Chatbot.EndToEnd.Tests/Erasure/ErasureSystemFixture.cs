using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Aspire.Testing;
using Chatbot.TestSupport;

namespace Chatbot.EndToEnd.Tests.Erasure;

/// <summary>All five services (moderation on) from the test builder, with a fast simulator; users sign up through chat's origin.</summary>
public sealed class ErasureSystemFixture : IAsyncLifetime
{
    public const string Password = "Correct-Horse-Battery-9!";

    public DistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        App = await (await DistributedApplicationTestingBuilder.CreateAsync(cancellationToken: timeout.Token))
            .WithLoopbackClients()
            .WithSimulatorPace(firstTokenMilliseconds: 20, tokensPerSecond: 1000, replyTokens: 30)
            .BuildAsync(timeout.Token);
        await App.StartAsync(timeout.Token);
    }

    /// <summary>Registers a user: its own tenant (as its tenant admin), or the tenant of <paramref name="invitation"/>.</summary>
    public async Task<(string Email, SignedInToken Token, HttpClient Client)> SignUpAsync(string? invitation = null)
    {
        var email = $"erased-{Guid.NewGuid():N}@example.test";
        using var origin = App.CreateHttpClient("chat");
        using var registered = await origin.PostAsJsonAsync("/api/account/register",
            new { email, password = Password, tenantName = invitation is null ? "erasure-e2e" : null, invitation });
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        var token = await PasswordSignIn.SignInAsync(origin, email, Password);
        return (email, token, App.CreateHttpClient("chat").WithBearer(token.AccessToken));
    }

    /// <summary>A second tenant admin of the same tenant, who may read the receipt after the first one is gone.</summary>
    public async Task<HttpClient> SecondAdminAsync(HttpClient admin)
    {
        using var invited = await admin.PostAsJsonAsync("/api/tenant/invitations", new { role = "tenant-admin" });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var code = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
        return (await SignUpAsync(code)).Client;
    }

    /// <summary>Polls the receipt until it is completed (or <paramref name="within"/> passes); returns the last one read.</summary>
    public static async Task<JsonElement> WaitForReceiptAsync(HttpClient reader, string receiptUrl, TimeSpan within)
    {
        JsonElement receipt = default;
        await Eventually.TrueAsync(async () =>
        {
            receipt = await reader.GetFromJsonAsync<JsonElement>(receiptUrl);
            return receipt.GetProperty("status").GetString() == "completed";
        }, within);
        return receipt;
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}
