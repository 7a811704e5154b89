using Chatbot.Identity.Accounts;
using Chatbot.Identity.Tokens;
using Chatbot.Outbox;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatbot.Identity.Admin;

/// <summary>
/// <c>POST /api/admin/signing-keys/rotate</c>: the next key signs from now on; the previous one stays in the JWKS until
/// its last token has expired. Other identity replicas switch at their next key check (Identity:SigningKeyCheckInterval).
/// </summary>
public static class SigningKeysApi
{
    public sealed record RotationResult(string ActiveKeyId, int PublishedKeys);

    public static IEndpointRouteBuilder MapSigningKeysApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/admin/signing-keys/rotate", RotateAsync).WithTags("Admin").RequireAuthorization(AuthorizationPolicies.PlatformAdmin).RequireCurrentUserInDatabase();
        return app;
    }

    public static async Task<Ok<RotationResult>> RotateAsync(SigningKeyRing ring, SigningKeyRotationService rotation, CurrentUser admin,
        AdminAudit audit, CancellationToken ct)
    {
        var before = ring.Current.ActiveKeyId;
        await ring.RotateNowAsync(ct);
        await rotation.ReloadAsync(ct);
        await audit.RecordAndSaveAsync(admin.UserId, AdminAudit.Platform, "identity.signing-key.rotated", "signing-keys",
            new { activeKeyId = before }, new { activeKeyId = ring.Current.ActiveKeyId }, ct); // key ids, never key material
        return TypedResults.Ok(new RotationResult(ring.Current.ActiveKeyId, ring.Current.Signing.Count));
    }
}
