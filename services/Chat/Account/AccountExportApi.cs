using Chatbot.Chat.Data;
using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.Http;
using Chatbot.Chat.Tenancy;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chatbot.Chat.Account;

/// <summary>
/// All of the caller's data as an asynchronous job (a token or an API key: the member policy).
/// <c>POST /api/account/export</c> → 202 with the job and its Location; <c>GET /api/account/export/{id}</c> → the job,
/// with a signed download link that expires once it completed (another user's or tenant's job → 404);
/// <c>GET /api/account/export/{id}/download?token=</c> → the file for whoever holds a valid link (no header needed, like a
/// pre-signed URL); a tampered or expired link → 403 problem.
/// These literal routes take precedence over the identity proxy's <c>/api/account/{**rest}</c>.
/// </summary>
public static class AccountExportApi
{
    public static IEndpointRouteBuilder MapAccountExportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/account/export").WithTags("Account");
        api.MapPost("/", StartAsync).RequireAuthorization(AuthorizationPolicies.Member).WithIdempotency();
        api.MapGet("/{id}", GetAsync).RequireAuthorization(AuthorizationPolicies.Member);
        api.MapGet("/{id}/download", DownloadAsync).AllowAnonymous();
        return app;
    }

    public static async Task<Accepted<AccountExportDto>> StartAsync(
        CurrentUser user, ChatDbContext db, AccountExportQueue queue, TimeProvider clock, CancellationToken ct)
    {
        var job = new AccountExport
        {
            Id = Guid.CreateVersion7(), TenantId = user.TenantId, UserId = user.UserId, Status = AccountExportStatuses.Queued,
            CreatedAt = clock.GetUtcNow().TruncateToMicroseconds(),
        };
        db.AccountExports.Add(job);
        await db.SaveChangesAsync(ct);
        queue.TryEnqueue(new AccountExportJob(job.Id, job.TenantId, job.UserId)); // full: the sweep takes it later
        return TypedResults.Accepted($"/api/account/export/{job.Id}", AccountExportDto.From(job));
    }

    public static async Task<Results<Ok<AccountExportDto>, NotFound, ValidationProblem>> GetAsync(
        string id, CurrentUser user, ChatDbContext db, AccountExportLinks links, IOptions<AccountExportOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        if (!ApiProblems.TryParseId(id, out var exportId))
        {
            return ApiProblems.InvalidId("id", id);
        }
        var job = await db.AccountExports.AsNoTracking()
            .Where(e => e.Id == exportId && e.TenantId == user.TenantId && e.UserId == user.UserId)
            .Select(e => new AccountExport
            {
                Id = e.Id, TenantId = e.TenantId, UserId = e.UserId, Status = e.Status, CreatedAt = e.CreatedAt,
                CompletedAt = e.CompletedAt, FailureReason = e.FailureReason,
            })
            .FirstOrDefaultAsync(ct);
        if (job is null)
        {
            return TypedResults.NotFound();
        }
        if (job.Status != AccountExportStatuses.Completed)
        {
            return TypedResults.Ok(AccountExportDto.From(job));
        }
        var expiresAt = clock.GetUtcNow() + options.Value.LinkLifetime;
        var token = links.Sign(job.Id, job.TenantId, expiresAt);
        return TypedResults.Ok(AccountExportDto.From(job, $"/api/account/export/{job.Id}/download?token={token}", expiresAt));
    }

    public static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult, ValidationProblem>> DownloadAsync(
        string id, string? token, ChatDbContext db, AccountExportLinks links, CancellationToken ct)
    {
        if (!ApiProblems.TryParseId(id, out var exportId))
        {
            return ApiProblems.InvalidId("id", id);
        }
        var link = links.Verify(token);
        if (link.State != AccountExportLinkState.Valid || link.ExportId != exportId)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: link.State == AccountExportLinkState.Expired ? "The download link expired." : "The download link is not valid.",
                detail: "Ask for a new link with GET /api/account/export/{id}.");
        }
        using var tenant = TenantContext.Enter(link.TenantId);
        var content = await db.AccountExports.AsNoTracking()
            .Where(e => e.Id == exportId && e.TenantId == link.TenantId && e.Status == AccountExportStatuses.Completed)
            .Select(e => e.Content)
            .FirstOrDefaultAsync(ct);
        if (content is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(content), "application/json", $"account-export-{exportId}.json");
    }
}
