using System.Net.Http.Headers;

namespace Chatbot.Billing.IntegrationTests.Infrastructure;

public sealed record TestUser(Guid UserId, Guid TenantId, string Tier = "free", string Role = "member")
{
    public static TestUser NewTenant(string tier = "free", string role = "member") => new(Guid.NewGuid(), Guid.NewGuid(), tier, role);

    public void Apply(HttpRequestHeaders headers)
    {
        headers.Add("X-Test-User", UserId.ToString());
        headers.Add("X-Test-Tenant", TenantId.ToString());
        headers.Add("X-Test-Tier", Tier);
        headers.Add("X-Test-Role", Role);
    }
}
