using System.Security.Cryptography;
using System.Text;

namespace Chatbot.Contracts.Identity;

/// <summary>
/// Shared names of the erasure saga: the stores that must report before a receipt is complete, the two actions, and
/// the pseudonymous Redis marker of an erased user that chat and the worker check before acting on a late message.
/// </summary>
public static class ErasureProtocol
{
    public const string Deleted = "deleted";
    public const string Pseudonymised = "pseudonymised";

    /// <summary>How long the erased-user marker stays (far longer than any queued message or access token lives).</summary>
    public static readonly TimeSpan ErasedMarkerLifetime = TimeSpan.FromDays(30);

    /// <summary>Every (service, store) pair as <c>service/store</c>; the receipt is complete when each has reported.</summary>
    public static readonly IReadOnlyList<string> ExpectedStores =
    [
        "identity/users", "identity/tokens", "identity/api-keys", "identity/invitations", "identity/outbox",
        "chat/conversations", "chat/messages", "chat/account-exports", "chat/idempotency-keys", "chat/outbox",
        "chat/reply-streams", "chat/output-contexts", "chat/admin-audit",
        "moderation/review-items", "moderation/audit-entries",
        "billing/usage-ledger", "billing/user-limits",
        "inference-worker/redis-keys",
    ];

    /// <summary>A one-way name for a subject (user or tenant id): lets identity find a repeated request and others
    /// mark the subject as erased without keeping the id itself.</summary>
    public static string SubjectHash(string kind, Guid id) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"erasure:{kind}:{id:N}")));

    /// <summary>The stand-in for an erased user in records that must stay (the admin audit log): the same for every entry
    /// of that user, derived one way from <see cref="SubjectHash"/>.</summary>
    public static Guid Pseudonym(Guid userId) => Guid.ParseExact(SubjectHash("user", userId)[..32], "N");

    public static string ErasedUserKey(Guid userId) => $"chatbot:erased:{SubjectHash("user", userId)}";

    /// <summary>A store's report for <paramref name="request"/> (the correlation id is the erasure's).</summary>
    public static ErasureStoreCompleted Report(ErasureRequested request, string service, string store, string action, long count,
        DateTimeOffset at) => new(request.ErasureId, at, request.ErasureId, request.TenantId, service, store, action, count, at);
}
