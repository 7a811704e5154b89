using Chatbot.ServiceDefaults.Authentication;
using System.Security.Cryptography;
using System.Text.Json;
using Chatbot.Chat.Auth;
using Chatbot.Chat.Messages;
using Chatbot.Chat.Turns;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Chatbot.Chat.OpenAi;

/// <summary>
/// The OpenAI-compatible door on chat's origin (<c>/v1</c>): chat completions (streamed or not) through the same
/// queue-first turn as <c>/api</c>, the model aliases this caller may use, and moderations. Errors in OpenAI's shape.
/// </summary>
public static class OpenAiApi
{
    /// <summary>Largest request body read (OpenAI-sized: 256 messages of up to <c>Chat:MaxContentLength</c> would be more).</summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    public static IEndpointRouteBuilder MapOpenAiApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1").WithTags("OpenAI-compatible").AddEndpointFilter<OpenAiAuthorizationFilter>();
        v1.MapPost("/chat/completions", CompleteAsync);
        v1.MapGet("/models", ListModelsAsync);
        v1.MapGet("/models/{id}", GetModelAsync);
        v1.MapPost("/moderations", OpenAiModerations.ModerateAsync);
        // Any other /v1 route (embeddings, responses, files, ...) answers as OpenAI does, not with an empty 404.
        app.MapFallback("/v1/{**path}", (HttpRequest request) => OpenAiErrors.Error(StatusCodes.Status404NotFound,
            $"Invalid URL ({request.Method} {OpenAiErrors.Truncate(request.Path.Value ?? "")}): this API serves /v1/chat/completions, /v1/models and /v1/moderations.",
            OpenAiErrors.InvalidRequest, null, null)).ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> CompleteAsync(HttpContext http,
        [FromHeader(Name = MessagesApi.IdempotencyKeyHeader)] string? idempotencyKey, CompletionStarter starter,
        OpenAiPolicyStore policies, IOptions<OpenAiOptions> openAi, IOptions<ChatOptions> chat, TimeProvider clock, CancellationToken ct)
    {
        var user = CurrentUser.From(http.User)!; // OpenAiAuthorizationFilter answered 401 otherwise
        if (await ReadBodyAsync(http.Request, ct) is not { } body)
        {
            return OpenAiErrors.Invalid(null, $"The request body must be JSON of at most {MaxBodyBytes} bytes.");
        }
        ChatCompletionRequest request;
        try
        {
            using var json = JsonDocument.Parse(body);
            request = ChatCompletionRequestReader.Read(json.RootElement, chat.Value.MaxContentLength);
        }
        catch (JsonException)
        {
            return OpenAiErrors.Invalid(null, "The request body is not valid JSON.");
        }
        catch (OpenAiRequestException ex)
        {
            return OpenAiErrors.Invalid(ex.Param, ex.Message);
        }
        if (idempotencyKey is not null && !MessagesApi.IsValidIdempotencyKey(idempotencyKey))
        {
            return OpenAiErrors.Invalid(MessagesApi.IdempotencyKeyHeader,
                $"{MessagesApi.IdempotencyKeyHeader} must be 1 to {MessagesApi.MaxIdempotencyKeyLength} visible ASCII characters.");
        }
        var policy = await policies.ForAsync(user.TenantId, ct);
        if (openAi.Value.Find(request.Model, user.Tier, policy) is not { } model)
        {
            return OpenAiErrors.ModelNotFound(request.Model);
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(body));
        var (outcome, turn) = await starter.StartAsync(user, request, model, policy, hash, idempotencyKey, ct);
        if (turn is null)
        {
            return outcome.Failure switch
            {
                SendMessageFailure.ConversationNotFound => OpenAiErrors.ConversationNotFound(),
                SendMessageFailure.QuotaDenied => OpenAiErrors.QuotaDenied(outcome.Quota!, http.Response, clock.GetUtcNow()),
                _ => OpenAiErrors.IdempotencyKeyReused(),
            };
        }
        await using (turn)
        {
            var answer = new CompletionAnswer($"chatcmpl-{turn.ReplyId:N}", clock.GetUtcNow().ToUnixTimeSeconds(), model.Id,
                Math.Min(request.MaxTokens ?? int.MaxValue, chat.Value.MaxOutputTokens));
            var result = request.Stream
                ? await CompletionResponder.StreamAsync(turn, answer, new ChatCompletionChunkWriter(http.Response, answer.Id,
                    answer.Model, answer.Created, request.IncludeUsage), ct)
                : await CompletionResponder.CollectAsync(turn, answer, ct);
            await AnswerNowAsync(http, result);
            return Results.Empty;
        } // then the turn's clean-up (an unkept conversation's delete): the caller no longer waits for it
    }

    /// <summary>Writes <paramref name="result"/> and ends the response, so the caller has the whole answer before the clean-up runs.</summary>
    private static async Task AnswerNowAsync(HttpContext http, IResult result)
    {
        if (http.RequestAborted.IsCancellationRequested)
        {
            return; // the caller left: nothing to send
        }
        await result.ExecuteAsync(http);
        await http.Response.CompleteAsync();
    }

    public static async Task<IResult> ListModelsAsync(HttpContext http, OpenAiPolicyStore policies, IOptions<OpenAiOptions> openAi,
        CancellationToken ct) =>
        TypedResults.Json(new OpenAiModelList([.. (await AllowedAsync(http, policies, openAi.Value, ct)).Select(ToDto)]), OpenAiJson.Options);

    public static async Task<IResult> GetModelAsync(string id, HttpContext http, OpenAiPolicyStore policies, IOptions<OpenAiOptions> openAi,
        CancellationToken ct) =>
        (await AllowedAsync(http, policies, openAi.Value, ct)).FirstOrDefault(m => m.Id == id) is { } model
            ? TypedResults.Json(ToDto(model), OpenAiJson.Options)
            : OpenAiErrors.ModelNotFound(id);

    /// <summary>The aliases of the caller's tier that the tenant's policy allows.</summary>
    private static async Task<List<OpenAiModel>> AllowedAsync(HttpContext http, OpenAiPolicyStore policies, OpenAiOptions options,
        CancellationToken ct)
    {
        var user = CurrentUser.From(http.User)!;
        return [.. options.Allowed(user.Tier, await policies.ForAsync(user.TenantId, ct))];
    }

    private static OpenAiModelDto ToDto(OpenAiModel model) => new(model.Id, 0, model.Owner);

    /// <summary>The body's bytes (hashed for <c>Idempotency-Key</c>), or null when larger than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
