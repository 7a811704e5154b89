using System.Security.Claims;
using Chatbot.Chat.Auth;

namespace Chatbot.Chat.UnitTests;

public sealed class CurrentUserTests
{
    [Theory]
    [InlineData("enterprise", 3)]
    [InlineData("pro", 2)]
    [InlineData("free", 1)]
    [InlineData("unknown", 1)]
    public void Priority_follows_the_tier(string tier, byte priority) =>
        Assert.Equal(priority, new CurrentUser(Guid.NewGuid(), Guid.NewGuid(), tier, []).Priority);

    [Fact]
    public void Claims_from_the_token_are_read_and_missing_ones_reject_the_caller()
    {
        var userId = Guid.NewGuid();
        var tenantId = Guid.NewGuid();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("sub", userId.ToString()), new Claim("tenant_id", tenantId.ToString()), new Claim("tier", "pro"), new Claim("role", "tenant-admin")], "jwt"));

        var user = CurrentUser.From(principal);

        Assert.Equal(new CurrentUser(userId, tenantId, "pro", user!.Roles), user);
        Assert.True(user.IsTenantAdmin);
        Assert.Null(CurrentUser.From(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", userId.ToString())], "jwt"))));
    }
}
