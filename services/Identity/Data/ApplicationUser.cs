using Microsoft.AspNetCore.Identity;

namespace Chatbot.Identity.Data;

/// <summary>A person. Belongs to exactly one tenant and has exactly one role (see ChatbotRoles).</summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public Guid TenantId { get; set; }
    public required string Role { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
