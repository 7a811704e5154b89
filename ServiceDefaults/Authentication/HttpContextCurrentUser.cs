using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Chatbot.ServiceDefaults.Authentication;

internal sealed class HttpContextCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;
    public Guid UserId => ReadGuid(ChatbotClaimTypes.Subject);
    public Guid TenantId => ReadGuid(ChatbotClaimTypes.TenantId);
    public string Role => Principal.FindFirst(ChatbotClaimTypes.Role)?.Value ?? ChatbotRoles.Member;
    public string Tier => Principal.FindFirst(ChatbotClaimTypes.Tier)?.Value ?? ChatbotTiers.Free;

    private Guid ReadGuid(string type) =>
        Guid.TryParse(Principal.FindFirst(type)?.Value, out var value)
            ? value
            : throw new InvalidOperationException($"The caller has no valid '{type}' claim.");
}
