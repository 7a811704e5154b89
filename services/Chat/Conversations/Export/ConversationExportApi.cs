using System.Text.Json;
using Chatbot.Chat.Auth;
using Chatbot.Chat.Data;
using Chatbot.Chat.Http;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chatbot.Chat.Conversations.Export;

/// <summary>
/// <c>GET /api/conversations/{id}/export?format=json|markdown</c> (default json): one conversation of the caller (a
/// token or an API key: the member policy of every conversation route), as a file download. Messages are read oldest
/// first through the (tenant_id, conversation_id, created_at, id) index and streamed into the response, never held
/// whole. Another user's, another tenant's or an unknown id → 404.
/// </summary>
public static class ConversationExportApi
{
    public static IEndpointRouteBuilder MapConversationExportApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/conversations").WithTags("Conversations").RequireAuthorization(AuthorizationPolicies.Member)
            .MapGet("/{id}/export", ExportAsync);
        return app;
    }

    public static async Task<Results<PushStreamHttpResult, NotFound, ValidationProblem>> ExportAsync(
        string id, string? format, CurrentUser user, ChatDbContext db, TimeProvider clock, IOptions<JsonOptions> json,
        CancellationToken ct)
    {
        if (!ApiProblems.TryParseId(id, out var conversationId))
        {
            return ApiProblems.InvalidId("id", id);
        }
        if (!ExportFormat.TryParse(format, out var exportFormat))
        {
            return ApiProblems.Invalid("format", "format must be 'json' or 'markdown'.");
        }
        var conversation = await db.Conversations.AsNoTracking().FindOwnedAsync(user, conversationId, ct);
        if (conversation is null)
        {
            return TypedResults.NotFound();
        }
        var messages = db.Messages.AsNoTracking()
            .Where(m => m.TenantId == user.TenantId && m.ConversationId == conversationId && m.UserId == user.UserId)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new ExportedMessage(m.Id, m.Role, m.Content, m.Status, m.CreatedAt, m.Model, m.InputTokens, m.OutputTokens))
            .AsAsyncEnumerable();
        var export = new ConversationExport(conversation.Id, conversation.Title, conversation.CreatedAt, clock.GetUtcNow(), messages);
        var fileName = $"conversation-{conversation.Id}.{exportFormat.Extension}";
        return exportFormat == ExportFormat.Json
            ? TypedResults.Stream(body => JsonSerializer.SerializeAsync(body, export, json.Value.SerializerOptions, ct),
                exportFormat.ContentType, fileName)
            : TypedResults.Stream(body => MarkdownExport.WriteAsync(body, export, ct), exportFormat.ContentType, fileName);
    }
}
