using System.Text.Json;
using Chatbot.Chat.Conversations.Export;
using Chatbot.Chat.Data;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chatbot.Chat.Account;

/// <summary>
/// Writes one user's export document: <c>{exportId, tenantId, userId, exportedAt, profile, conversations:[{…, messages}],
/// usage}</c>. Conversations come oldest first through the (tenant, user, created_at, id) index and each one's messages
/// through the (tenant, conversation, created_at, id) index, streamed row by row into the writer.
/// </summary>
public sealed class AccountExportWriter(ChatDbContext db, AccountPartsClient parts, IOptions<JsonOptions> json, TimeProvider clock)
{
    public async Task<string> WriteAsync(AccountExportJob job, CancellationToken ct)
    {
        var profile = await parts.GetProfileAsync(job.TenantId, job.UserId, ct);
        var usage = await parts.GetUsageAsync(job.TenantId, job.UserId, ct);
        var options = json.Value.SerializerOptions;
        using var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("exportId", job.Id);
            writer.WriteString("tenantId", job.TenantId);
            writer.WriteString("userId", job.UserId);
            writer.WriteString("exportedAt", clock.GetUtcNow());
            writer.WritePropertyName("profile");
            JsonSerializer.Serialize(writer, profile, options);
            writer.WriteStartArray("conversations");
            var conversations = await db.Conversations.AsNoTracking()
                .Where(c => c.TenantId == job.TenantId && c.UserId == job.UserId)
                .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
                .Select(c => new { c.Id, c.Title, c.CreatedAt, c.UpdatedAt })
                .ToListAsync(ct);
            foreach (var conversation in conversations)
            {
                writer.WriteStartObject();
                writer.WriteString("id", conversation.Id);
                writer.WriteString("title", conversation.Title);
                writer.WriteString("createdAt", conversation.CreatedAt);
                writer.WriteString("updatedAt", conversation.UpdatedAt);
                writer.WriteStartArray("messages");
                await foreach (var message in db.Messages.AsNoTracking()
                    .Where(m => m.TenantId == job.TenantId && m.ConversationId == conversation.Id && m.UserId == job.UserId)
                    .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
                    .Select(m => new ExportedMessage(m.Id, m.Role, m.Content, m.Status, m.CreatedAt, m.Model, m.InputTokens, m.OutputTokens))
                    .AsAsyncEnumerable().WithCancellation(ct))
                {
                    JsonSerializer.Serialize(writer, message, options);
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
                await writer.FlushAsync(ct);
            }
            writer.WriteEndArray();
            writer.WritePropertyName("usage");
            JsonSerializer.Serialize(writer, usage, options);
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
