using Chatbot.Billing.Data;
using Chatbot.Billing.Data.Entities;
using Chatbot.Billing.Limits;
using Chatbot.Outbox;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Billing.Api;

/// <summary><c>/api/billing/prices</c> (platform admin): price versions per provider and model, by effective date.</summary>
public static class PricesApi
{
    public static IEndpointRouteBuilder MapPricesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/billing/prices").WithTags("Prices").RequireAuthorization(AuthorizationPolicies.PlatformAdmin);
        api.MapGet("/", ListAsync);
        api.MapPost("/", CreateAsync).WithIdempotency();
        return app;
    }

    public static async Task<Ok<List<Price>>> ListAsync(BillingDbContext db, int? offset, CancellationToken ct) =>
        TypedResults.Ok(await db.Prices.AsNoTracking().OrderBy(p => p.Provider).ThenBy(p => p.Model).ThenByDescending(p => p.EffectiveFrom)
            .Skip(Math.Max(0, offset ?? 0)).Take(200).ToListAsync(ct));

    public static async Task<Results<Created<Price>, ValidationProblem>> CreateAsync(PriceRequest request, BillingDbContext db,
        LimitPublisher publisher, TimeProvider clock, CurrentUser admin, AdminAudit audit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Provider) || request.Provider.Length > 100)
        {
            return BillingProblems.Invalid("provider", "provider is required (at most 100 characters).");
        }
        if (string.IsNullOrWhiteSpace(request.Model) || request.Model.Length > 200)
        {
            return BillingProblems.Invalid("model", "model is required (at most 200 characters).");
        }
        if (request.InputPerMillion < 0 || request.OutputPerMillion < 0 || request.CachedPerMillion < 0)
        {
            return BillingProblems.Invalid(request.CachedPerMillion < 0 ? "cachedPerMillion" : "inputPerMillion",
                "prices must be 0 or more USD per million tokens.");
        }
        var now = clock.GetUtcNow();
        var price = new Price
        {
            Provider = request.Provider, Model = request.Model, InputPerMillion = request.InputPerMillion,
            OutputPerMillion = request.OutputPerMillion, CachedPerMillion = request.CachedPerMillion, EffectiveFrom = request.EffectiveFrom ?? now, CreatedAt = now,
        };
        db.Prices.Add(price);
        audit.Record(admin.UserId, AdminAudit.Platform, "billing.price.created", $"prices/{price.Provider}/{price.Model}", null, AuditViews.Of(price));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return BillingProblems.Invalid("effectiveFrom", "A price for this provider and model already starts at that moment.");
        }
        await publisher.PublishReservePriceAsync(ct);
        return TypedResults.Created($"/api/billing/prices/{price.Id}", price);
    }
}
