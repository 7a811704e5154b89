using System.Net;
using System.Net.Http.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Chatbot.Identity.IntegrationTests;

[Collection(IdentityCollection.Name)]
public sealed class AccountLifecycleTests(IdentitySystemFixture system)
{
    [Fact]
    public async Task A_deleted_user_cannot_refresh_and_chat_rejects_their_access_token()
    {
        using var origin = system.CreateClient();
        var (_, password, tokens) = await origin.SignUpAsync();
        Assert.Equal(HttpStatusCode.OK, await origin.MeStatusAsync(tokens.AccessToken!));

        using var wrong = await origin.SendAsync(HttpMethod.Post, "/api/account/delete", tokens.AccessToken, new { password = "not-my-password" });
        using var deleted = await origin.SendAsync(HttpMethod.Post, "/api/account/delete", tokens.AccessToken, new { password });
        var refresh = await origin.RefreshAsync(tokens.RefreshToken!);
        using var identityRoute = await origin.SendAsync(HttpMethod.Get, "/api/tenant/members", tokens.AccessToken);
        var rejected = await ChatOrigin.EventuallyAsync(async () => await origin.MeStatusAsync(tokens.AccessToken!) == HttpStatusCode.Unauthorized,
            within: TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
        Assert.Equal("invalid_grant", refresh.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, identityRoute.StatusCode);
        Assert.True(rejected, "chat still accepted the deleted user's access token");
    }

    [Fact]
    public async Task A_password_reset_by_mailed_token_changes_the_password_and_ends_old_sessions()
    {
        using var origin = system.CreateClient();
        var (email, oldPassword, tokens) = await origin.SignUpAsync();
        var newPassword = ChatOrigin.NewPassword();

        using var asked = await origin.Http.PostAsJsonAsync("/api/account/forgot-password", new { email });
        var token = MailFolder.ResetToken(await origin.Mail.WaitForMailAsync(email, "Reset your password"));
        using var reset = await origin.Http.PostAsJsonAsync("/api/account/reset-password", new { email, token, newPassword });
        using var replay = await origin.Http.PostAsJsonAsync("/api/account/reset-password", new { email, token, newPassword = ChatOrigin.NewPassword() });

        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal("invalid_grant", (await origin.LoginAsync(email, oldPassword)).Error);
        Assert.NotNull((await origin.LoginAsync(email, newPassword)).AccessToken);
        Assert.Equal("invalid_grant", (await origin.RefreshAsync(tokens.RefreshToken!)).Error);
    }

    [Fact]
    public async Task After_signing_key_rotation_old_and_new_tokens_both_validate_and_the_jwks_publishes_both()
    {
        using var origin = system.CreateClient();
        var (email, password, before) = await origin.SignUpAsync();
        var root = await origin.LoginAsync(system.AdminEmail, system.AdminPassword);

        using var rotated = await origin.SendAsync(HttpMethod.Post, "/api/admin/signing-keys/rotate", root.AccessToken);
        var after = await origin.LoginAsync(email, password);
        var jwks = await origin.Http.GetStringAsync("/.well-known/jwks");
        var newAccepted = await ChatOrigin.EventuallyAsync(async () => await origin.MeStatusAsync(after.AccessToken!) == HttpStatusCode.OK,
            within: TimeSpan.FromSeconds(15));

        var oldKid = new JsonWebToken(before.AccessToken).Kid;
        var newKid = new JsonWebToken(after.AccessToken).Kid;
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.NotEqual(oldKid, newKid);
        Assert.Contains(oldKid, jwks);
        Assert.Contains(newKid, jwks);
        Assert.True(newAccepted);
        Assert.Equal(HttpStatusCode.OK, await origin.MeStatusAsync(before.AccessToken!));
    }
}
