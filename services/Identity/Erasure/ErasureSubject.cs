namespace Chatbot.Identity.Erasure;

/// <summary>Who is erased: some users of a tenant, or the whole tenant (then <see cref="Users"/> is all of them).</summary>
public sealed record ErasureSubject(Guid TenantId, string Kind, string Hash, IReadOnlyList<ErasedUser> Users, bool WholeTenant);
