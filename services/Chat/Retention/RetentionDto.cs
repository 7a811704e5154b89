using Chatbot.Chat.Data.Entities;

namespace Chatbot.Chat.Retention;

/// <summary>
/// <c>GET/PUT /api/tenant/retention</c>: the tenant's own setting (<see cref="Days"/>, null with <see cref="IsCustom"/> =
/// keep forever), the platform default, the limit in force (null = forever) and the last run.
/// </summary>
public sealed record RetentionDto(int? Days, bool IsCustom, int? DefaultDays, int? EffectiveDays, RetentionRun? LastRun)
{
    public static RetentionDto From(TenantRetention? row, int? defaultDays)
    {
        var custom = row?.IsCustom == true;
        var lastRun = row?.LastRunStartedAt is { } started
            ? new RetentionRun(started, row.LastRunFinishedAt, row.LastRunCutoff, row.LastRunConversationsDeleted, row.LastRunMessagesDeleted)
            : null;
        return new RetentionDto(custom ? row!.Days : null, custom, defaultDays, custom ? row!.Days : defaultDays, lastRun);
    }
}
