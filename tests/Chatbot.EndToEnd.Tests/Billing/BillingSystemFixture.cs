using Chatbot.TestSupport;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chatbot.Aspire.Testing;
using Npgsql;

namespace Chatbot.EndToEnd.Tests.Billing;

/// <summary>
/// identity + chat + inference-worker (simulator) + billing as real processes from the test builder, moderation off;
/// users sign up and sign in through chat's origin, the platform admin is identity's bootstrap admin.
/// </summary>
public sealed class BillingSystemFixture : IAsyncLifetime
{
    public const int MaxOutputTokens = 200;
    private const string AdminEmail = "admin@chatbot.local";
    private const string Password = "Correct-Horse-Battery-9!";

    public DistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        App = await (await DistributedApplicationTestingBuilder.CreateAsync(cancellationToken: timeout.Token))
            .WithServices("identity", "chat", "inference-worker", "billing")
            .WithLoopbackClients()
            .WithEnvironment("identity", "Identity__BootstrapAdmin__Password", Password)
            .WithEnvironment("chat", "Moderation__Enabled", "false") // moderation is not started: turns go straight to the worker
            .WithEnvironment("chat", "Chat__MaxOutputTokens", MaxOutputTokens.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithSimulatorPace(firstTokenMilliseconds: 20, tokensPerSecond: 1000, replyTokens: 40)
            .BuildAsync(timeout.Token);
        await App.StartAsync(timeout.Token);
    }

    /// <summary>Registers a new user (and tenant) and signs it in.</summary>
    public async Task<SignedInUser> SignUpAsync()
    {
        var email = $"user-{Guid.NewGuid():N}@example.test";
        using var origin = App.CreateHttpClient("chat");
        (await origin.PostAsJsonAsync("/api/account/register", new { email, password = Password, tenantName = "billing-e2e" })).EnsureSuccessStatusCode();
        return await SignInAsync(email);
    }

    public Task<SignedInUser> SignInAdminAsync() => SignInAsync(AdminEmail);

    /// <summary>The user's settled ledger rows (billingdb, the source of truth): count, tokens and cost.</summary>
    public async Task<(int Rows, long Tokens, decimal Cost, int MaxInputTokens)> LedgerAsync(Guid userId)
    {
        await using var connection = new NpgsqlConnection(await App.GetConnectionStringAsync("billingdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT count(*)::int, coalesce(sum(input_tokens + output_tokens), 0)::bigint, coalesce(sum(cost), 0), coalesce(max(input_tokens), 0)
            FROM usage_entries WHERE user_id = @user
            """, connection);
        command.Parameters.AddWithValue("user", userId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt32(0), reader.GetInt64(1), reader.GetDecimal(2), reader.GetInt32(3));
    }

    private async Task<SignedInUser> SignInAsync(string email)
    {
        using var origin = App.CreateHttpClient("chat");
        var signedIn = await PasswordSignIn.SignInAsync(origin, email, Password);
        return new SignedInUser(App.CreateHttpClient("chat").WithBearer(signedIn.AccessToken), signedIn.UserId, signedIn.TenantId);
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}
