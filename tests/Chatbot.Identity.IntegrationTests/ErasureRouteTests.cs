using System.Net;
using System.Net.Http.Json;

namespace Chatbot.Identity.IntegrationTests;

/// <summary>
/// The three ways into an erasure and the receipt, through chat's origin (identity + chat only, so the other services'
/// lines are still missing and the receipt stays in progress; the whole saga is in Chatbot.EndToEnd.Tests).
/// </summary>
[Collection(IdentityCollection.Name)]
public sealed class ErasureRouteTests(IdentitySystemFixture system)
{
    private sealed record Started(Guid ErasureId, string ReceiptUrl);
    private sealed record Line(string Service, string Store, string Action, long Count, DateTimeOffset At);
    private sealed record Receipt(Guid ErasureId, string Status, List<Line> Stores);
    private sealed record Invitation(string Code);

    private static async Task<Started> StartedFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var started = (await response.Content.ReadFromJsonAsync<Started>())!;
        Assert.Equal($"/api/erasures/{started.ErasureId}", started.ReceiptUrl);
        return started;
    }

    private static async Task<(Guid Id, string Email, TokenResponse Tokens)> MemberOfAsync(ChatOrigin origin, string adminToken)
    {
        using var invited = await origin.SendAsync(HttpMethod.Post, "/api/tenant/invitations", adminToken, new { });
        var code = (await invited.Content.ReadFromJsonAsync<Invitation>())!.Code;
        var (email, _, tokens) = await origin.SignUpAsync(invitation: code);
        return (Guid.Parse((await origin.MeAsync(tokens.AccessToken!)).Sub), email, tokens);
    }

    [Fact]
    public async Task A_user_deleting_their_account_gets_202_and_a_mailed_signed_link_to_the_receipt()
    {
        using var origin = system.CreateClient();
        var (email, password, tokens) = await origin.SignUpAsync();

        using var response = await origin.SendAsync(HttpMethod.Post, "/api/account/delete", tokens.AccessToken, new { password });
        var started = await StartedFrom(response);
        var link = new Uri(MailFolder.Link(await origin.Mail.WaitForMailAsync(email, "Your account has been erased")));
        using var withLink = await origin.Http.GetAsync(link.PathAndQuery);
        using var withoutToken = await origin.Http.GetAsync(started.ReceiptUrl);
        using var forgedToken = await origin.Http.GetAsync(started.ReceiptUrl + "?token=CfDJ8forged");

        Assert.Equal(started.ReceiptUrl, link.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, withLink.StatusCode);
        var receipt = (await withLink.Content.ReadFromJsonAsync<Receipt>())!;
        Assert.Equal(started.ErasureId, receipt.ErasureId);
        Assert.Contains(receipt.Stores, l => l is { Service: "identity", Store: "users", Action: "deleted", Count: 1 });
        Assert.Contains(receipt.Stores, l => l is { Service: "identity", Store: "tokens" } && l.Count >= 1);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutToken.StatusCode); // neither signed in nor holding the link
        Assert.Equal(HttpStatusCode.NotFound, forgedToken.StatusCode); // a link that does not verify confirms nothing
    }

    [Fact]
    public async Task A_tenant_admin_erases_a_member_of_their_own_tenant_once_and_no_one_elses()
    {
        using var origin = system.CreateClient();
        var (_, _, admin) = await origin.SignUpAsync("Erasing tenant");
        var (_, _, otherAdmin) = await origin.SignUpAsync("Other tenant");
        var (memberId, _, member) = await MemberOfAsync(origin, admin.AccessToken!);

        using var foreign = await origin.SendAsync(HttpMethod.Delete, $"/api/tenant/users/{memberId}", otherAdmin.AccessToken);
        using var first = await origin.SendAsync(HttpMethod.Delete, $"/api/tenant/users/{memberId}", admin.AccessToken);
        var started = await StartedFrom(first);
        using var again = await origin.SendAsync(HttpMethod.Delete, $"/api/tenant/users/{memberId}", admin.AccessToken);
        var repeated = await StartedFrom(again);
        using var foreignAfter = await origin.SendAsync(HttpMethod.Delete, $"/api/tenant/users/{memberId}", otherAdmin.AccessToken);
        using var receipt = await origin.SendAsync(HttpMethod.Get, started.ReceiptUrl, admin.AccessToken);
        using var foreignReceipt = await origin.SendAsync(HttpMethod.Get, started.ReceiptUrl, otherAdmin.AccessToken);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(started.ErasureId, repeated.ErasureId);
        Assert.Equal(HttpStatusCode.NotFound, foreignAfter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.Equal("in_progress", (await receipt.Content.ReadFromJsonAsync<Receipt>())!.Status);
        Assert.Equal(HttpStatusCode.NotFound, foreignReceipt.StatusCode);
        Assert.True(await ChatOrigin.EventuallyAsync(async () => await origin.MeStatusAsync(member.AccessToken!) == HttpStatusCode.Unauthorized,
            within: TimeSpan.FromSeconds(15)), "chat still accepted the erased member's token");
    }

    [Fact]
    public async Task A_platform_admin_erases_a_whole_tenant_and_a_repeat_returns_the_same_erasure()
    {
        using var origin = system.CreateClient();
        var (_, _, tenantAdmin) = await origin.SignUpAsync("Doomed tenant");
        var (_, _, member) = await MemberOfAsync(origin, tenantAdmin.AccessToken!);
        var tenantId = (await origin.MeAsync(tenantAdmin.AccessToken!)).TenantId;
        var platform = await origin.LoginAsync(system.AdminEmail, system.AdminPassword);

        using var byTenantAdmin = await origin.SendAsync(HttpMethod.Delete, $"/api/admin/tenants/{tenantId}", tenantAdmin.AccessToken);
        using var first = await origin.SendAsync(HttpMethod.Delete, $"/api/admin/tenants/{tenantId}", platform.AccessToken);
        var started = await StartedFrom(first);
        using var again = await origin.SendAsync(HttpMethod.Delete, $"/api/admin/tenants/{tenantId}", platform.AccessToken);
        var repeated = await StartedFrom(again);
        using var receipt = await origin.SendAsync(HttpMethod.Get, started.ReceiptUrl, platform.AccessToken);
        using var unknown = await origin.SendAsync(HttpMethod.Delete, $"/api/admin/tenants/{Guid.NewGuid()}", platform.AccessToken);

        Assert.Equal(HttpStatusCode.Forbidden, byTenantAdmin.StatusCode);
        Assert.Equal(started.ErasureId, repeated.ErasureId);
        var lines = (await receipt.Content.ReadFromJsonAsync<Receipt>())!.Stores;
        Assert.Contains(lines, l => l is { Service: "identity", Store: "users", Count: 2 });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.True(await ChatOrigin.EventuallyAsync(async () => await origin.MeStatusAsync(member.AccessToken!) == HttpStatusCode.Unauthorized,
            within: TimeSpan.FromSeconds(15)), "chat still accepted a token of the erased tenant");
    }
}
