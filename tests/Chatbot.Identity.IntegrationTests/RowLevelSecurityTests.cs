using System.Net;
using Chatbot.TestSupport;

namespace Chatbot.Identity.IntegrationTests;

/// <summary>
/// identitydb's tenant-scoped tables (API keys, invitations) under row-level security (migration RowLevelSecurity), fail
/// closed; the other tables are platform-wide by decision (docs/security.md). Rows are made through the real routes.
/// </summary>
[Collection(IdentityCollection.Name)]
public sealed class RowLevelSecurityTests(IdentitySystemFixture system)
{
    private const string Role = "identity_app";

    [Theory]
    [InlineData("\"ApiKeys\"")]
    [InlineData("\"Invitations\"")]
    public async Task The_app_role_sees_nothing_without_a_tenant_and_cannot_write_another_tenants_rows(string table)
    {
        var tenant = await TenantWithKeyAndInvitationAsync();
        var other = Guid.NewGuid();
        var probe = new RowLevelSecurityProbe((await system.App.GetConnectionStringAsync("identitydb"))!, Role, "\"TenantId\"");

        Assert.Equal(0, await probe.CountAsync(table, tenant, actingFor: null));
        Assert.Equal(0, await probe.CountAsync(table, tenant, actingFor: other));
        Assert.Equal(1, await probe.CountAsync(table, tenant, actingFor: tenant));
        Assert.Equal("42501", await probe.InsertCopyAsync(table, "\"Id\"", tenant, other, actingFor: null));
        Assert.Equal("42501", await probe.InsertCopyAsync(table, "\"Id\"", tenant, other, actingFor: tenant));
    }

    private async Task<Guid> TenantWithKeyAndInvitationAsync()
    {
        using var origin = system.CreateClient();
        var (_, _, admin) = await origin.SignUpAsync("RLS tenant");
        var tenant = (await origin.MeAsync(admin.AccessToken!)).TenantId;
        using var key = await origin.SendAsync(HttpMethod.Post, "/api/tenant/api-keys", admin.AccessToken, new { name = "rls" });
        Assert.Equal(HttpStatusCode.Created, key.StatusCode);
        using var invitation = await origin.SendAsync(HttpMethod.Post, "/api/tenant/invitations", admin.AccessToken, new { });
        Assert.Equal(HttpStatusCode.Created, invitation.StatusCode);
        return Guid.Parse(tenant);
    }
}
