using Chatbot.Identity.Accounts;
using Chatbot.Identity.Data;
using Chatbot.Identity.Validation;
using Chatbot.ServiceDefaults.Authentication;
using Chatbot.ServiceDefaults.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Identity.Tenants;

/// <summary>The caller's own tenant (<c>/api/tenant</c>): who is in it, and invitations to join it. Tenant admins only.</summary>
public static class TenantApi
{
    public static IEndpointRouteBuilder MapTenantApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tenant").WithTags("Tenant").RequireAuthorization(AuthorizationPolicies.TenantAdmin).RequireCurrentUserInDatabase();
        group.MapGet("/", GetAsync);
        group.MapGet("/members", ListMembersAsync);
        group.MapPost("/invitations", CreateInvitationAsync).WithIdempotency();
        return app;
    }

    public sealed record TenantView(Guid Id, string Name, string Tier);
    public sealed record MemberView(Guid Id, string Email, string Role, bool EmailConfirmed, DateTimeOffset CreatedAt);

    public static async Task<Results<Ok<TenantView>, NotFound>> GetAsync(CurrentUser caller, IdentityDbContext db, CancellationToken ct)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == caller.TenantId, ct);
        return tenant is null ? TypedResults.NotFound() : TypedResults.Ok(new TenantView(tenant.Id, tenant.Name, tenant.Tier));
    }

    public static async Task<Results<Ok<Page<MemberView>>, ValidationProblem>> ListMembersAsync(
        CurrentUser caller, IdentityDbContext db, string? cursor, int? limit, CancellationToken ct)
    {
        if (!Paging.TryRead(cursor, limit, out var paging, out var problem))
        {
            return problem;
        }
        var query = db.Users.AsNoTracking().Where(u => u.TenantId == caller.TenantId);
        if (paging.After is { } after)
        {
            query = query.Where(u => EF.Functions.GreaterThan(ValueTuple.Create(u.CreatedAt, u.Id), ValueTuple.Create(after.CreatedAt, after.Id)));
        }
        var members = await query.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id).Take(paging.Limit + 1)
            .Select(u => new MemberView(u.Id, u.Email!, u.Role, u.EmailConfirmed, u.CreatedAt)).ToListAsync(ct);
        return TypedResults.Ok(paging.PageOf(members, m => new KeysetCursor(m.CreatedAt, m.Id)));
    }

    public static async Task<Results<Created<InvitationCreated>, ValidationProblem>> CreateInvitationAsync(
        CreateInvitationRequest request, CurrentUser caller, InvitationCodes codes, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var role = request.Role ?? ChatbotRoles.Member;
        if (role is not (ChatbotRoles.Member or ChatbotRoles.TenantAdmin))
        {
            errors.Add("role", "The role must be 'member' or 'tenant-admin'.");
        }
        string? email = null;
        if (request.Email is not null && !EmailAddress.TryNormalize(request.Email, out email))
        {
            errors.Add("email", "A valid e-mail address of at most 254 characters is required.");
        }
        if (request.ExpiresInHours is < 1 or > 24 * 30)
        {
            errors.Add("expiresInHours", "Between 1 and 720 hours.");
        }
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var (invitation, code) = await codes.CreateAsync(caller.TenantId, caller.UserId, role, email,
            TimeSpan.FromHours(request.ExpiresInHours ?? 72), ct);
        return TypedResults.Created($"/api/tenant/invitations/{invitation.Id}",
            new InvitationCreated(invitation.Id, invitation.TenantId, code, role, email, invitation.ExpiresAt));
    }
}
