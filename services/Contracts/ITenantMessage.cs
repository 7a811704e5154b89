namespace Chatbot.Contracts;

/// <summary>
/// A message acting for one tenant whose tenant is not a top-level <c>TenantId</c> (implemented explicitly, so it is not
/// serialized). Consumers of every service act for <see cref="TenantId"/> under row-level security; a message with
/// neither this nor a <see cref="Guid"/> <c>TenantId</c> is consumed with no tenant and sees no tenant's rows.
/// </summary>
public interface ITenantMessage
{
    Guid TenantId { get; }
}
