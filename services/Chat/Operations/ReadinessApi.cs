using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatbot.Chat.Operations;

/// <summary>
/// <c>GET /api/admin/readiness</c> (platform admins): what the launch doctor cannot see from outside (docs/doctor.md):
/// the provider chain every live inference worker reported (is there a fallback of another company?) and the newest
/// backup <c>scripts/backup.sh</c> recorded. Names, kinds, models and times only.
/// </summary>
public static class ReadinessApi
{
    public static IEndpointRouteBuilder MapReadinessApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/admin/readiness").WithTags("Operations").RequireAuthorization(AuthorizationPolicies.PlatformAdmin).MapGet("/", GetAsync);
        return app;
    }

    public static async Task<Ok<ReadinessDto>> GetAsync(ProviderChainReports chains, BackupLog backups, CancellationToken ct) =>
        TypedResults.Ok(new ReadinessDto(await chains.RecentAsync(), await backups.NewestAsync(ct)));
}
