using System.Net;
using System.Net.Http.Json;
using Chatbot.TestSupport;
using Npgsql;

namespace Chatbot.Identity.IntegrationTests;

/// <summary>
/// identitydb's tenant-scoped tables (API keys, invitations, users and a user's claims, logins and tokens) under row-level
/// security (migrations RowLevelSecurity and UserRowLevelSecurity), fail closed; the other tables are platform-wide by
/// decision (docs/security.md). Rows are made through the real routes. The flows that find a user before any tenant is
/// known (sign-in, the confirm link, reset, refresh, erasure) run in every test that signs up; the e-mail's
/// platform-wide uniqueness is tested here.
/// </summary>
[Collection(IdentityCollection.Name)]
public sealed class RowLevelSecurityTests(IdentitySystemFixture system)
{
    private const string Role = "identity_app";

    [Theory]
    [InlineData("\"ApiKeys\"")]
    [InlineData("\"Invitations\"")]
    [InlineData("\"AspNetUsers\"")]
    public async Task The_app_role_sees_nothing_without_a_tenant_and_cannot_write_another_tenants_rows(string table)
    {
        var (tenant, _) = await TenantWithKeyAndInvitationAsync();
        var other = Guid.NewGuid();
        var probe = new RowLevelSecurityProbe(await ConnectionStringAsync(), Role, "\"TenantId\"");

        Assert.Equal(0, await probe.CountAsync(table, tenant, actingFor: null));
        Assert.Equal(0, await probe.CountAsync(table, tenant, actingFor: other));
        Assert.Equal(1, await probe.CountAsync(table, tenant, actingFor: tenant));
        Assert.Equal(0, await probe.UpdateCountAsync(table, tenant, actingFor: null));
        Assert.Equal(0, await probe.UpdateCountAsync(table, tenant, actingFor: other));
        Assert.Equal(1, await probe.UpdateCountAsync(table, tenant, actingFor: tenant));
        Assert.Equal("42501", await probe.InsertCopyAsync(table, "\"Id\"", tenant, other, actingFor: null));
        Assert.Equal("42501", await probe.InsertCopyAsync(table, "\"Id\"", tenant, other, actingFor: tenant));
    }

    [Theory]
    [InlineData("\"AspNetUserClaims\"")]
    [InlineData("\"AspNetUserLogins\"")]
    [InlineData("\"AspNetUserTokens\"")]
    public async Task A_users_own_rows_are_seen_and_written_only_as_the_users_tenant(string table)
    {
        var (tenant, user) = await TenantWithKeyAndInvitationAsync();
        var connectionString = await ConnectionStringAsync();
        await using (var owner = new NpgsqlConnection(connectionString)) // the migrating user: no policy applies
        {
            await owner.OpenAsync();
            await using var seed = new NpgsqlCommand("""
                INSERT INTO "AspNetUserClaims" ("UserId", "ClaimType", "ClaimValue") VALUES (@user, 'rls', 'probe');
                INSERT INTO "AspNetUserLogins" ("LoginProvider", "ProviderKey", "ProviderDisplayName", "UserId") VALUES ('rls', @user::text, NULL, @user);
                INSERT INTO "AspNetUserTokens" ("UserId", "LoginProvider", "Name", "Value") VALUES (@user, 'rls', 'probe', 'v');
                """, owner);
            seed.Parameters.AddWithValue("user", user);
            await seed.ExecuteNonQueryAsync();
        }
        var other = Guid.NewGuid();
        var probe = new RowLevelSecurityProbe(connectionString, Role, "\"UserId\"");

        Assert.Equal(0, await probe.CountAsync(table, user, actingFor: null));
        Assert.Equal(0, await probe.CountAsync(table, user, actingFor: other));
        Assert.Equal(1, await probe.CountAsync(table, user, actingFor: tenant));
        Assert.Equal(0, await probe.UpdateCountAsync(table, user, actingFor: other));
        Assert.Equal(1, await probe.UpdateCountAsync(table, user, actingFor: tenant));
        Assert.Equal("42501", await probe.InsertCopyAsync(table, "\"UserId\"", user, Guid.NewGuid(), actingFor: tenant));
        Assert.Equal("42501", await probe.InsertCopyAsync(table, "\"UserId\"", user, user, actingFor: other));
    }

    [Fact]
    public async Task An_address_with_an_account_in_one_tenant_cannot_sign_up_in_another_and_keeps_its_account()
    {
        using var origin = system.CreateClient();
        var (email, password, _) = await origin.SignUpAsync("first");
        var (_, _, otherAdmin) = await origin.SignUpAsync("second");
        using var invited = await origin.SendAsync(HttpMethod.Post, "/api/tenant/invitations", otherAdmin.AccessToken, new { });
        var code = (await invited.Content.ReadFromJsonAsync<InvitationCode>())!.Code;

        using var newTenant = await origin.RegisterAsync(email, ChatOrigin.NewPassword(), tenantName: "third");
        using var joining = await origin.RegisterAsync(email, ChatOrigin.NewPassword(), invitation: code);

        Assert.Equal(HttpStatusCode.Accepted, newTenant.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, joining.StatusCode);
        await origin.Mail.WaitForMailAsync(email, "You already have an account", index: 1);
        Assert.Equal(1, await UsersWithEmailAsync(email));
        var tokens = await origin.LoginAsync(email, password);
        Assert.NotNull(tokens.AccessToken);
        Assert.Equal("tenant-admin", (await origin.MeAsync(tokens.AccessToken!)).Role);
        var (_, _, joined) = await origin.SignUpAsync(invitation: code); // the invitation was not spent on the refused sign-up
        Assert.NotNull(joined.AccessToken);
    }

    [Fact]
    public async Task Concurrent_sign_ups_with_one_new_address_make_one_account_and_all_get_202()
    {
        var email = ChatOrigin.NewEmail("race");
        var clients = Enumerable.Range(0, 4).Select(_ => system.CreateClient()).ToList();
        try
        {
            var answers = await Task.WhenAll(clients.Select(c => c.RegisterAsync(email, ChatOrigin.NewPassword(), tenantName: "race")));

            Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.StatusCode));
            Assert.Equal(1, await UsersWithEmailAsync(email));
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    private sealed record InvitationCode(string Code);

    private async Task<string> ConnectionStringAsync() => (await system.App.GetConnectionStringAsync("identitydb"))!;

    /// <summary>Accounts with <paramref name="email"/> in any tenant, counted as the migrating user (no policy applies).</summary>
    private async Task<long> UsersWithEmailAsync(string email)
    {
        await using var connection = new NpgsqlConnection(await ConnectionStringAsync());
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("""SELECT count(*) FROM "AspNetUsers" WHERE "NormalizedEmail" = upper(@email)""", connection);
        count.Parameters.AddWithValue("email", email);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private async Task<(Guid Tenant, Guid User)> TenantWithKeyAndInvitationAsync()
    {
        using var origin = system.CreateClient();
        var (_, _, admin) = await origin.SignUpAsync("RLS tenant");
        var me = await origin.MeAsync(admin.AccessToken!);
        using var key = await origin.SendAsync(HttpMethod.Post, "/api/tenant/api-keys", admin.AccessToken, new { name = "rls" });
        Assert.Equal(HttpStatusCode.Created, key.StatusCode);
        using var invitation = await origin.SendAsync(HttpMethod.Post, "/api/tenant/invitations", admin.AccessToken, new { });
        Assert.Equal(HttpStatusCode.Created, invitation.StatusCode);
        return (Guid.Parse(me.TenantId), Guid.Parse(me.Sub));
    }
}
