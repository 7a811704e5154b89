using System.Text.Json;
using Chatbot.Contracts.Audit;
using Chatbot.ServiceDefaults.Authentication;
using MassTransit;
using Microsoft.Extensions.Hosting;

namespace Chatbot.ServiceDefaults.Audit;

/// <summary>
/// The one writer of the admin audit log (docs/audit.md): an admin route calls <see cref="RecordAsync"/> after its change
/// is saved; the entry travels as <see cref="AdminActionRecorded"/> to chat's append-only store. Registered in every
/// service with a bus.
/// </summary>
public sealed class AdminAudit(IPublishEndpoint publish, IHostEnvironment environment, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Records that <paramref name="actor"/> did <paramref name="action"/> on <paramref name="target"/> in <paramref name="tenantId"/>.</summary>
    public Task RecordAsync(CurrentUser actor, Guid tenantId, string action, string target, object? before, object? after,
        CancellationToken ct) =>
        publish.Publish(new AdminActionRecorded(Guid.NewGuid(), clock.GetUtcNow(), tenantId, actor.UserId, ServiceName, action, target,
            ToJson(before), ToJson(after)), ct);

    private string ServiceName => environment.ApplicationName.Replace("Chatbot.", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

    private static string? ToJson(object? state) => state is null ? null : JsonSerializer.Serialize(state, Json);
}
