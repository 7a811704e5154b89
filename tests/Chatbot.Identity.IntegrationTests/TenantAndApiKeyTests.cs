using System.Net;
using System.Net.Http.Json;

namespace Chatbot.Identity.IntegrationTests;

[Collection(IdentityCollection.Name)]
public sealed class TenantAndApiKeyTests(IdentitySystemFixture system)
{
    private sealed record Invitation(Guid Id, Guid TenantId, string Code, string Role);
    private sealed record ApiKeyCreated(Guid Id, string Name, string Key, string DisplayPrefix, string[] Scopes);
    private sealed record Member(Guid Id, string Email, string Role);
    private sealed record Page<T>(List<T> Items, string? NextCursor);
    private sealed record TenantSummary(Guid Id, string Name, string Tier);

    private static async Task<Invitation> InviteAsync(ChatOrigin origin, string adminToken, object body)
    {
        using var response = await origin.SendAsync(HttpMethod.Post, "/api/tenant/invitations", adminToken, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Invitation>())!;
    }

    [Fact]
    public async Task An_invitation_joins_the_inviting_tenant_once_and_no_other()
    {
        using var origin = system.CreateClient();
        var (_, _, adminA) = await origin.SignUpAsync("Tenant A");
        var (_, _, adminB) = await origin.SignUpAsync("Tenant B");
        var tenantA = (await origin.MeAsync(adminA.AccessToken!)).TenantId;
        var tenantB = (await origin.MeAsync(adminB.AccessToken!)).TenantId;
        var invitation = await InviteAsync(origin, adminA.AccessToken!, new { });

        var (email, _, joined) = await origin.SignUpAsync(invitation: invitation.Code);
        var me = await origin.MeAsync(joined.AccessToken!);
        using var reused = await origin.RegisterAsync(ChatOrigin.NewEmail(), ChatOrigin.NewPassword(), invitation: invitation.Code);
        using var membersA = await origin.SendAsync(HttpMethod.Get, "/api/tenant/members", adminA.AccessToken);
        using var membersB = await origin.SendAsync(HttpMethod.Get, "/api/tenant/members", adminB.AccessToken);

        Assert.Equal(tenantA, me.TenantId);
        Assert.NotEqual(tenantB, me.TenantId);
        Assert.Equal("member", me.Role);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains((await membersA.Content.ReadFromJsonAsync<Page<Member>>())!.Items, m => m.Email == email);
        Assert.DoesNotContain((await membersB.Content.ReadFromJsonAsync<Page<Member>>())!.Items, m => m.Email == email);
    }

    [Fact]
    public async Task An_invitation_bound_to_an_email_cannot_be_used_by_another_address()
    {
        using var origin = system.CreateClient();
        var (_, _, admin) = await origin.SignUpAsync();
        var invitation = await InviteAsync(origin, admin.AccessToken!, new { email = ChatOrigin.NewEmail("invitee") });

        using var response = await origin.RegisterAsync(ChatOrigin.NewEmail("intruder"), ChatOrigin.NewPassword(), invitation: invitation.Code);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_member_calling_a_tenant_admin_endpoint_gets_403()
    {
        using var origin = system.CreateClient();
        var (_, _, admin) = await origin.SignUpAsync();
        var invitation = await InviteAsync(origin, admin.AccessToken!, new { role = "member" });
        var (_, _, member) = await origin.SignUpAsync(invitation: invitation.Code);

        using var createKey = await origin.SendAsync(HttpMethod.Post, "/api/tenant/api-keys", member.AccessToken, new { name = "mine" });
        using var invite = await origin.SendAsync(HttpMethod.Post, "/api/tenant/invitations", member.AccessToken, new { });
        using var adminTiers = await origin.SendAsync(HttpMethod.Get, "/api/admin/tenants", admin.AccessToken);

        Assert.Equal(HttpStatusCode.Forbidden, createKey.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, invite.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, adminTiers.StatusCode);
    }

    [Fact]
    public async Task An_api_key_works_as_bearer_and_header_and_fails_once_revoked()
    {
        using var origin = system.CreateClient();
        var (_, _, admin) = await origin.SignUpAsync();
        var adminMe = await origin.MeAsync(admin.AccessToken!);
        using var created = await origin.SendAsync(HttpMethod.Post, "/api/tenant/api-keys", admin.AccessToken, new { name = "ci" });
        var key = (await created.Content.ReadFromJsonAsync<ApiKeyCreated>())!;

        var asBearer = await origin.MeAsync(key.Key);
        using var headerRequest = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        headerRequest.Headers.Add("X-Api-Key", key.Key);
        using var asHeader = await origin.Http.SendAsync(headerRequest);
        using var revoke = await origin.SendAsync(HttpMethod.Delete, $"/api/tenant/api-keys/{key.Id}", admin.AccessToken);
        var rejected = await ChatOrigin.EventuallyAsync(async () => await origin.MeStatusAsync(key.Key) == HttpStatusCode.Unauthorized,
            within: TimeSpan.FromSeconds(5));

        Assert.StartsWith("cbk_", key.Key);
        Assert.StartsWith(key.DisplayPrefix, key.Key);
        Assert.Equal("api-key", asBearer.AuthenticationMethod);
        Assert.Equal(adminMe.TenantId, asBearer.TenantId);
        Assert.Equal("member", asBearer.Role);
        Assert.Equal(HttpStatusCode.OK, asHeader.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.True(rejected, "The revoked key was still accepted 5 s after revocation (cache TTL is 60 s).");
    }

    [Fact]
    public async Task Api_keys_page_with_a_keyset_cursor_and_a_made_up_cursor_is_a_400()
    {
        using var origin = system.CreateClient();
        var (_, _, admin) = await origin.SignUpAsync();
        var created = new List<Guid>();
        foreach (var name in new[] { "one", "two", "three" })
        {
            using var response = await origin.SendAsync(HttpMethod.Post, "/api/tenant/api-keys", admin.AccessToken, new { name });
            created.Add((await response.Content.ReadFromJsonAsync<ApiKeyCreated>())!.Id);
        }

        using var first = await origin.SendAsync(HttpMethod.Get, "/api/tenant/api-keys?limit=2", admin.AccessToken);
        var page1 = (await first.Content.ReadFromJsonAsync<Page<ApiKeyCreated>>())!;
        using var second = await origin.SendAsync(HttpMethod.Get, $"/api/tenant/api-keys?limit=2&cursor={page1.NextCursor}", admin.AccessToken);
        var page2 = (await second.Content.ReadFromJsonAsync<Page<ApiKeyCreated>>())!;
        using var madeUp = await origin.SendAsync(HttpMethod.Get, "/api/tenant/api-keys?cursor=not-a-cursor", admin.AccessToken);
        using var tooMany = await origin.SendAsync(HttpMethod.Get, "/api/tenant/api-keys?limit=101", admin.AccessToken);

        Assert.Equal(2, page1.Items.Count);
        Assert.NotNull(page1.NextCursor);
        Assert.Single(page2.Items);
        Assert.Null(page2.NextCursor);
        Assert.Equal(Enumerable.Reverse(created), page1.Items.Concat(page2.Items).Select(k => k.Id)); // newest first, no overlap
        Assert.Equal(HttpStatusCode.BadRequest, madeUp.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }

    [Fact]
    public async Task A_made_up_api_key_gets_401()
    {
        using var origin = system.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, await origin.MeStatusAsync("cbk_" + Guid.NewGuid().ToString("N")));
    }

    [Fact]
    public async Task A_platform_admin_changes_a_tenant_tier_and_the_next_token_carries_it()
    {
        using var origin = system.CreateClient();
        var (_, _, owner) = await origin.SignUpAsync();
        var tenantId = (await origin.MeAsync(owner.AccessToken!)).TenantId;
        var root = await origin.LoginAsync(system.AdminEmail, system.AdminPassword);
        Assert.Equal("platform-admin", (await origin.MeAsync(root.AccessToken!)).Role);

        using var changed = await origin.SendAsync(HttpMethod.Put, $"/api/admin/tenants/{tenantId}/tier", root.AccessToken, new { tier = "pro" });
        using var badTier = await origin.SendAsync(HttpMethod.Put, $"/api/admin/tenants/{tenantId}/tier", root.AccessToken, new { tier = "gold" });
        var refreshed = await origin.RefreshAsync(owner.RefreshToken!);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badTier.StatusCode);
        Assert.Equal("pro", (await origin.MeAsync(refreshed.AccessToken!)).Tier);
    }
}
