namespace Chatbot.ServiceDefaults.Authentication;

/// <summary>The caller of the current request, read from the validated token's claims.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }
    /// <summary>The <c>sub</c> claim as a Guid; throws when the caller is not authenticated.</summary>
    Guid UserId { get; }
    /// <summary>The <c>tenant_id</c> claim as a Guid; throws when the caller is not authenticated.</summary>
    Guid TenantId { get; }
    string Role { get; }
    string Tier { get; }
}
