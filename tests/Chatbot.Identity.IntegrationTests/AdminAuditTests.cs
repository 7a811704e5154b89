using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Chatbot.Identity.IntegrationTests;

/// <summary>
/// Identity's admin actions reach the admin audit log (docs/audit.md) through identity's outbox and chat's store, and
/// <c>GET /api/audit</c> on the public origin shows them to the tenant's admins and not to another tenant's.
/// </summary>
[Collection(IdentityCollection.Name)]
public sealed class AdminAuditTests(IdentitySystemFixture system)
{
    [Fact]
    public async Task Api_keys_invitations_and_a_tier_change_appear_in_the_tenants_audit_log_and_not_in_another_tenants()
    {
        using var origin = system.CreateClient();
        var (_, _, admin) = await origin.SignUpAsync();
        var (_, _, stranger) = await origin.SignUpAsync();
        var me = await origin.MeAsync(admin.AccessToken!);
        using (var created = await origin.SendAsync(HttpMethod.Post, "/api/tenant/api-keys", admin.AccessToken, new { name = "audited" }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var key = await created.Content.ReadFromJsonAsync<JsonElement>();
            using var revoked = await origin.SendAsync(HttpMethod.Delete, $"/api/tenant/api-keys/{key.GetProperty("id").GetGuid()}", admin.AccessToken);
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
            Assert.DoesNotContain(key.GetProperty("key").GetString()!, await ReadAuditAsync(origin, admin.AccessToken!, require: "identity.api-key.revoked"));
        }
        using (var invited = await origin.SendAsync(HttpMethod.Post, "/api/tenant/invitations", admin.AccessToken, new { email = ChatOrigin.NewEmail("guest") }))
        {
            Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        }
        var root = await origin.LoginAsync(system.AdminEmail, system.AdminPassword);
        using (var tier = await origin.SendAsync(HttpMethod.Put, $"/api/admin/tenants/{me.TenantId}/tier", root.AccessToken, new { tier = "pro" }))
        {
            Assert.Equal(HttpStatusCode.OK, tier.StatusCode);
        }

        var log = await ReadAuditAsync(origin, admin.AccessToken!, require: "identity.tenant.tier-changed");
        var entries = JsonDocument.Parse(log).RootElement.GetProperty("items").EnumerateArray().ToList();
        var actions = entries.Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("identity.api-key.created", actions);
        Assert.Contains("identity.api-key.revoked", actions);
        Assert.Contains("identity.invitation.created", actions);
        Assert.All(entries, e => Assert.Equal("identity", e.GetProperty("service").GetString()));
        Assert.DoesNotContain("guest-", log); // the invitation's address is not copied, only whether it names one
        var change = entries.Single(e => e.GetProperty("action").GetString() == "identity.tenant.tier-changed");
        Assert.Equal("pro", change.GetProperty("after").GetProperty("tier").GetString());

        using var theirs = await origin.SendAsync(HttpMethod.Get, "/api/audit", stranger.AccessToken);
        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);
        Assert.DoesNotContain(me.TenantId, await theirs.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_signing_key_rotation_is_in_the_platform_log_by_key_id_only_and_not_in_a_tenants()
    {
        using var origin = system.CreateClient();
        var (_, _, tenantAdmin) = await origin.SignUpAsync();
        var root = await origin.LoginAsync(system.AdminEmail, system.AdminPassword);
        var rootId = (await origin.MeAsync(root.AccessToken!)).Sub;
        using var rotated = await origin.SendAsync(HttpMethod.Post, "/api/admin/signing-keys/rotate", root.AccessToken);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var activeKeyId = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("activeKeyId").GetString()!;
        // Chat fetches the new key at most every 5 s: wait until it accepts a token of the new key, so the next test's do too.
        var signedByNewKey = await origin.LoginAsync(system.AdminEmail, system.AdminPassword);
        Assert.True(await ChatOrigin.EventuallyAsync(async () => await origin.MeStatusAsync(signedByNewKey.AccessToken!) == HttpStatusCode.OK,
            within: TimeSpan.FromSeconds(15)), "chat did not accept a token of the new key");

        var log = await ReadAuditAsync(origin, root.AccessToken!, require: activeKeyId,
            $"/api/audit?tenantId={Guid.Empty}&action=identity.signing-key.rotated&limit=100");
        var entry = JsonDocument.Parse(log).RootElement.GetProperty("items").EnumerateArray()
            .Single(e => e.GetProperty("after").GetProperty("activeKeyId").GetString() == activeKeyId);
        Assert.Equal(rootId, entry.GetProperty("actorId").GetString());
        Assert.Equal(("identity", "signing-keys"), (entry.GetProperty("service").GetString(), entry.GetProperty("target").GetString()));
        // Key ids and nothing else: no key material (JWK members, PEM) in the entry.
        Assert.Equal(["activeKeyId"], entry.GetProperty("before").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["activeKeyId"], entry.GetProperty("after").EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain("PRIVATE", log);

        using var theirs = await origin.SendAsync(HttpMethod.Get, "/api/audit?limit=100", tenantAdmin.AccessToken);
        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);
        Assert.DoesNotContain("identity.signing-key.rotated", await theirs.Content.ReadAsStringAsync());
        using var platformLog = await origin.SendAsync(HttpMethod.Get, $"/api/audit?tenantId={Guid.Empty}", tenantAdmin.AccessToken);
        Assert.Equal(HttpStatusCode.Forbidden, platformLog.StatusCode);
    }

    /// <summary>An audit page as JSON, once it holds <paramref name="require"/> (entries travel outbox → RabbitMQ → chat).</summary>
    private static async Task<string> ReadAuditAsync(ChatOrigin origin, string accessToken, string require, string path = "/api/audit?limit=100")
    {
        var body = "";
        var found = await ChatOrigin.EventuallyAsync(async () =>
        {
            using var response = await origin.SendAsync(HttpMethod.Get, path, accessToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            body = await response.Content.ReadAsStringAsync();
            return body.Contains($"\"{require}\"", StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(30));
        Assert.True(found, $"{require} did not reach the audit log: {body}");
        return body;
    }
}
