using Chatbot.Identity.Tokens;
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
        app.MapPost("/api/admin/signing-keys/rotate", RotateAsync).WithTags("Admin").RequireAuthorization(AuthorizationPolicies.PlatformAdmin);
        return app;
    }

    public static async Task<Ok<RotationResult>> RotateAsync(SigningKeyRing ring, SigningKeyRotationService rotation, CancellationToken ct)
    {
        await ring.RotateNowAsync(ct);
        await rotation.ReloadAsync(ct);
        return TypedResults.Ok(new RotationResult(ring.Current.ActiveKeyId, ring.Current.Signing.Count));
    }
}
