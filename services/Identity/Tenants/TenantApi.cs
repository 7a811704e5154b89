using Chatbot.Identity.Accounts;
using Chatbot.Identity.Data;
using Chatbot.Identity.Validation;
using Chatbot.ServiceDefaults.Authentication;
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

    public static async Task<Results<Ok<TenantView>, NotFound>> GetAsync(ICurrentUser caller, IdentityDbContext db, CancellationToken ct)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == caller.TenantId, ct);
        return tenant is null ? TypedResults.NotFound() : TypedResults.Ok(new TenantView(tenant.Id, tenant.Name, tenant.Tier));
    }

    public static async Task<Results<Ok<Page<MemberView>>, ValidationProblem>> ListMembersAsync(
        ICurrentUser caller, IdentityDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        if (!Paging.TryRead(page, pageSize, out var paging, out var problem))
        {
            return problem;
        }
        var members = await db.Users.AsNoTracking().Where(u => u.TenantId == caller.TenantId)
            .OrderBy(u => u.CreatedAt).Skip(paging.Skip).Take(paging.Size + 1)
            .Select(u => new MemberView(u.Id, u.Email!, u.Role, u.EmailConfirmed, u.CreatedAt)).ToListAsync(ct);
        return TypedResults.Ok(Page<MemberView>.From(members, paging));
    }

    public static async Task<Results<Created<InvitationCreated>, ValidationProblem>> CreateInvitationAsync(
        CreateInvitationRequest request, ICurrentUser caller, InvitationCodes codes, CancellationToken ct)
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
