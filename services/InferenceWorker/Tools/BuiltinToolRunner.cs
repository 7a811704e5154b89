using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chatbot.Contracts.Chat;
using Chatbot.Contracts.Inference;
using Chatbot.Contracts.Tools;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Chatbot.InferenceWorker.Tools;

/// <summary>
/// Runs the built-in tools (<see cref="BuiltinTools"/>) a tenant allowed, always for the reply's own tenant and user (the
/// request's ids, never an id in the arguments). <c>conversation_search</c> asks chat over RabbitMQ
/// (<see cref="SearchConversations"/> → <see cref="ConversationsFound"/>): the worker has no database of its own and keeps
/// depending on Redis and RabbitMQ only. The answer is JSON text that <see cref="ToolCallFilter"/> screens like any tool's.
/// </summary>
public sealed class BuiltinToolRunner(IClientFactory clients, IOptions<ToolOptions> options, TimeProvider clock)
{
    public const int DefaultSearchLimit = 5;

    public Task<ToolEndpointResult> RunAsync(string builtin, GenerateReply request, JsonObject arguments, CancellationToken ct) => builtin switch
    {
        BuiltinTools.ConversationSearch => SearchConversationsAsync(request, arguments, ct),
        _ => Task.FromResult(ToolEndpointResult.Failure($"this worker does not know the built-in tool {builtin}")),
    };

    private async Task<ToolEndpointResult> SearchConversationsAsync(GenerateReply request, JsonObject arguments, CancellationToken ct)
    {
        // The schema (checked before) requires a string query and allows an integer limit of 1 to 10.
        var query = arguments["query"] is JsonValue q && q.TryGetValue<string>(out var text) ? text : "";
        var limit = arguments["limit"] is JsonValue l && l.TryGetValue<int>(out var n) ? n : DefaultSearchLimit;
        var timeout = TimeSpan.FromSeconds(options.Value.CallTimeoutSeconds);
        var client = clients.CreateRequestClient<SearchConversations>(RequestTimeout.After(ms: (int)timeout.TotalMilliseconds));
        try
        {
            var response = await client.GetResponse<ConversationsFound>(
                new SearchConversations(request.CorrelationId, clock.GetUtcNow(), request.TenantId, request.UserId, query, limit), ct);
            return ToolEndpointResult.Success(JsonSerializer.Serialize(new
            {
                conversations = response.Message.Conversations.Select(c => new
                {
                    title = c.Title,
                    lastActive = c.UpdatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    excerpt = c.Excerpt,
                }),
            }));
        }
        catch (RequestTimeoutException)
        {
            return ToolEndpointResult.Failure($"the conversation search did not answer within {options.Value.CallTimeoutSeconds} s");
        }
        catch (RequestFaultException)
        {
            return ToolEndpointResult.Failure("the conversation search failed");
        }
    }
}
