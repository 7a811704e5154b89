using System.Security.Claims;
using Chatbot.ServiceDefaults.Authentication;

namespace Chatbot.ServiceDefaults.Tests.Authentication;

public sealed class CurrentUserTests
{
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
