using Chatbot.Outbox;
using Chatbot.Contracts.Identity;
using Chatbot.Identity.Accounts;
using Chatbot.Identity.Data;
using Chatbot.Identity.Tenants;
using Chatbot.Identity.Validation;
using Chatbot.ServiceDefaults.Authentication;
using Chatbot.ServiceDefaults.Paging;
using Chatbot.ServiceDefaults.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Identity.ApiKeys;

/// <summary>Tenant admins create, list and revoke the tenant's API keys (<c>/api/tenant/api-keys</c>).</summary>
public static class ApiKeysApi
{
    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tenant/api-keys").WithTags("API keys").RequireAuthorization(AuthorizationPolicies.TenantAdmin).RequireCurrentUserInDatabase();
        group.MapPost("/", CreateAsync).WithIdempotency();
        group.MapGet("/", ListAsync);
        group.MapDelete("/{id:guid}", RevokeAsync);
        app.MapPost("/internal/api-keys/verify", VerifyAsync).RequireServiceCredential().ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<Created<ApiKeyCreated>, ValidationProblem>> CreateAsync(
        CreateApiKeyRequest request, CurrentUser caller, IdentityDbContext db, AdminAudit audit, TimeProvider time, CancellationToken ct)
    {
        var scopes = request.Scopes ?? [ApiKeyScopes.Chat];
        var errors = new FieldErrors().Required("name", request.Name, ApiKey.NameMaxLength);
        if (scopes.Length is 0 or > 10 || scopes.Any(s => !ApiKeyScopes.All.Contains(s)))
        {
            errors.Add("scopes", $"One or more of: {string.Join(", ", ApiKeyScopes.All)}.");
        }
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var secret = SecretCodes.New(ApiKeyScopes.Prefix);
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(), TenantId = caller.TenantId, CreatedByUserId = caller.UserId, Name = request.Name.Trim(),
            DisplayPrefix = secret[..12], SecretHash = SecretCodes.Hash(secret), Scopes = scopes.Distinct().ToArray(),
            CreatedAt = time.GetUtcNow(),
        };
        db.ApiKeys.Add(key);
        audit.Record(caller.UserId, caller.TenantId, "identity.api-key.created", $"api-keys/{key.Id}", null, new { key.Name, key.Scopes });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/tenant/api-keys/{key.Id}",
            new ApiKeyCreated(key.Id, key.Name, secret, key.DisplayPrefix, key.Scopes, key.CreatedAt));
    }

    public static async Task<Results<Ok<Page<ApiKeyView>>, ValidationProblem>> ListAsync(
        CurrentUser caller, IdentityDbContext db, string? cursor, int? limit, CancellationToken ct)
    {
        if (!Paging.TryRead(cursor, limit, out var paging, out var problem))
        {
            return problem;
        }
        var query = db.ApiKeys.AsNoTracking().Where(k => k.TenantId == caller.TenantId);
        if (paging.After is { } after)
        {
            query = query.Where(k => EF.Functions.LessThan(ValueTuple.Create(k.CreatedAt, k.Id), ValueTuple.Create(after.CreatedAt, after.Id)));
        }
        var keys = await query.OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id).Take(paging.Limit + 1)
            .Select(k => new ApiKeyView(k.Id, k.Name, k.DisplayPrefix, k.Scopes, k.CreatedAt, k.RevokedAt)).ToListAsync(ct);
        return TypedResults.Ok(paging.PageOf(keys, k => new KeysetCursor(k.CreatedAt, k.Id)));
    }

    public static async Task<Results<NoContent, NotFound>> RevokeAsync(Guid id, CurrentUser caller, IdentityDbContext db,
        OutboxSignal outbox, AdminAudit audit, TimeProvider time, CancellationToken ct)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id && k.TenantId == caller.TenantId, ct);
        if (key is null)
        {
            return TypedResults.NotFound();
        }
        if (key.RevokedAt is null)
        {
            key.RevokedAt = time.GetUtcNow();
            db.OutboxMessages.Add(OutboxEntry.Create(new ApiKeyRevoked(Guid.NewGuid(), key.RevokedAt.Value, key.TenantId, key.Id),
                key.TenantId, key.TenantId, key.RevokedAt.Value));
            audit.Record(caller.UserId, key.TenantId, "identity.api-key.revoked", $"api-keys/{key.Id}", new { revoked = false }, new { revoked = true });
            await db.SaveChangesAsync(ct);
            outbox.Notify();
        }
        return TypedResults.NoContent();
    }

    /// <summary>Called by chat (not forwarded by its proxy) the first time it sees a key; chat caches the answer.</summary>
    public static async Task<Results<Ok<ApiKeyVerification>, NotFound>> VerifyAsync(VerifyApiKeyRequest request,
        IdentityDbContext db, CancellationToken ct)
    {
        if (request.Key is not { Length: > 4 and <= 100 } || !request.Key.StartsWith(ApiKeyScopes.Prefix, StringComparison.Ordinal))
        {
            return TypedResults.NotFound();
        }
        var hash = SecretCodes.Hash(request.Key);
        await using var anyTenant = await db.BeginCrossTenantScopeAsync(IdentityTenancy.ApiKeyVerifyScope, ct); // the key names no tenant
        var found = await (from k in db.ApiKeys.AsNoTracking()
                           join t in db.Tenants.AsNoTracking() on k.TenantId equals t.Id
                           where k.SecretHash == hash && k.RevokedAt == null
                           select new ApiKeyVerification(k.Id, k.TenantId, k.CreatedByUserId, ChatbotRoles.Member, t.Tier, k.Scopes))
            .SingleOrDefaultAsync(ct);
        return found is null ? TypedResults.NotFound() : TypedResults.Ok(found);
    }
}
