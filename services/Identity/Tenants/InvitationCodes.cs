using Chatbot.Identity.Data;
using Chatbot.Outbox;
using Chatbot.ServiceDefaults.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Identity.Tenants;

/// <summary>Creates invitation codes (<c>inv_…</c>) and finds a usable one, locking its row for the sign-up transaction.</summary>
public sealed class InvitationCodes(IdentityDbContext db, AdminAudit audit, TimeProvider time)
{
    public const string Prefix = "inv_";

    public async Task<(Invitation Invitation, string Code)> CreateAsync(Guid tenantId, Guid createdBy, string role, string? email,
        TimeSpan lifetime, CancellationToken ct)
    {
        var code = SecretCodes.New(Prefix);
        var now = time.GetUtcNow();
        var invitation = new Invitation
        {
            Id = Guid.CreateVersion7(), TenantId = tenantId, CodeHash = SecretCodes.Hash(code), Role = role, Email = email,
            CreatedByUserId = createdBy, CreatedAt = now, ExpiresAt = now + lifetime,
        };
        db.Invitations.Add(invitation);
        audit.Record(createdBy, tenantId, "identity.invitation.created", $"invitations/{invitation.Id}", null,
            new { role, forEmail = email is not null, invitation.ExpiresAt }); // whether it names an address, not the address
        await db.SaveChangesAsync(ct);
        return (invitation, code);
    }

    /// <summary>
    /// Must run inside a transaction: the row stays locked until commit so a code is used once. The code names no tenant,
    /// so the rest of that transaction runs in the invitation-redeem scope (row-level security: docs/security.md).
    /// </summary>
    public async Task<Invitation?> FindUsableAsync(string code, string normalizedEmail, CancellationToken ct)
    {
        await db.EnterCrossTenantScopeAsync(IdentityTenancy.InvitationRedeemScope, ct);
        var hash = SecretCodes.Hash(code.Trim());
        var invitation = await db.Invitations
            .FromSql($"""SELECT * FROM "Invitations" WHERE "CodeHash" = {hash} FOR UPDATE""")
            .SingleOrDefaultAsync(ct);
        var usable = invitation is { UsedAt: null } && invitation.ExpiresAt > time.GetUtcNow()
            && (invitation.Email is null || invitation.Email == normalizedEmail);
        return usable ? invitation : null;
    }
}
