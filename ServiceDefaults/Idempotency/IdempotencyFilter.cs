using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Chatbot.ServiceDefaults.Authentication;
using Chatbot.ServiceDefaults.ErrorHandling;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.ServiceDefaults.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on a state-changing route, with chat's message rules: the key is scoped to the caller (tenant +
/// user; anonymous callers share one scope, guarded by the request hash); the same key with the same request (method, path,
/// query and body bytes) within <see cref="IdempotentRequestOptions.KeyLifetime"/> replays the stored response, marked
/// <c>Idempotent-Replayed: true</c>; with a different request it is 422; while the first is still running, 409. Only
/// success (2xx) is stored, so a request that failed may be retried with its key.
/// Backed by Redis (every service has it; SET NX makes the first request win across replicas, and the key expires on its own);
/// stored bodies are sealed with the client's key (<see cref="ResponseSealing"/>).
/// </summary>
public sealed partial class IdempotencyFilter(ILogger<IdempotencyFilter> logger) : IEndpointFilter
{
    public const string KeyPrefix = "chatbot:idempotency:";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(IdempotencyKeys.Header, out var values))
        {
            return await next(context);
        }
        var key = values.ToString();
        if (values.Count != 1 || !IdempotencyKeys.IsValid(key))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [IdempotencyKeys.Header] = [IdempotencyKeys.InvalidMessage] });
        }
        var settings = http.RequestServices.GetRequiredService<IOptions<IdempotentRequestOptions>>().Value;
        var db = http.RequestServices.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var redisKey = (RedisKey)$"{KeyPrefix}{Scope(http.User)}:{ResponseSealing.EntryName(key)}";
        var hash = await RequestHashAsync(http.Request, http.RequestAborted);
        try
        {
            if (!await db.StringSetAsync(redisKey, Serialize(new StoredResponse(hash)), settings.InProgressTimeout, When.NotExists))
            {
                var existing = await db.StringGetAsync(redisKey);
                var stored = existing.IsNullOrEmpty ? null : JsonSerializer.Deserialize<StoredResponse>((byte[])existing!);
                return stored switch
                {
                    not null when stored.RequestHash != hash => Reused(),
                    { Completed: true } => await ReplayAsync(http, stored, key),
                    _ => InProgress(http),
                };
            }
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            LogUnavailable(ex);
            http.Response.Headers.RetryAfter = "5";
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, type: ProblemTypes.ServiceUnavailable,
                title: "Idempotency-Key cannot be honoured right now",
                detail: $"Retry in a few seconds with the same {IdempotencyKeys.Header}.");
        }
        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await ReleaseAsync(db, redisKey);
            throw;
        }
        return await RunAndStoreAsync(http, result, db, (redisKey, key), hash, settings);
    }

    /// <summary>Executes the handler's result into a buffer, stores it if it succeeded, then sends it.</summary>
    private async Task<IResult> RunAndStoreAsync(
        HttpContext http, object? result, IDatabase db, (RedisKey Entry, string Key) idempotency, string hash, IdempotentRequestOptions settings)
    {
        var redisKey = idempotency.Entry;
        var response = result as IResult ?? (result is null ? TypedResults.Ok() : TypedResults.Ok(result));
        var original = http.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffer = new MemoryStream();
        var buffered = new StreamResponseBodyFeature(buffer, original);
        http.Features.Set<IHttpResponseBodyFeature>(buffered);
        try
        {
            await response.ExecuteAsync(http);
            await buffered.Writer.FlushAsync(http.RequestAborted);
        }
        finally
        {
            http.Features.Set(original);
        }
        var status = http.Response.StatusCode;
        try
        {
            if (status is >= 200 and < 300 && buffer.Length <= settings.MaxStoredResponseBytes)
            {
                var stored = new StoredResponse(hash, status, http.Response.ContentType, http.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null,
                    ResponseSealing.Seal(idempotency.Key, buffer.ToArray()));
                await db.StringSetAsync(redisKey, Serialize(stored), settings.KeyLifetime);
            }
            else
            {
                await ReleaseAsync(db, redisKey);
            }
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            LogUnavailable(ex); // the request succeeded; only a resend may now run again once the in-progress mark expires
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original.Stream, http.RequestAborted);
        return TypedResults.Empty;
    }

    private static async Task<IResult> ReplayAsync(HttpContext http, StoredResponse stored, string key)
    {
        var response = http.Response;
        response.StatusCode = stored.StatusCode!.Value;
        response.ContentType = stored.ContentType;
        if (stored.Location is not null)
        {
            response.Headers.Location = stored.Location;
        }
        response.Headers[IdempotencyKeys.ReplayedHeader] = "true";
        if (stored.Body is { Length: > 0 } sealedBody)
        {
            await response.Body.WriteAsync(ResponseSealing.Open(key, sealedBody), http.RequestAborted);
        }
        return TypedResults.Empty;
    }

    private static IResult Reused() => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
        type: ProblemTypes.IdempotencyKeyReused, title: "Idempotency-Key reused with a different request.",
        detail: $"The {IdempotencyKeys.Header} was already used with a different request; use a new key for a new request.");

    private static IResult InProgress(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "1";
        return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.IdempotencyKeyInUse,
            title: "A request with this Idempotency-Key is still running.",
            detail: "Retry after the time in Retry-After to receive its response.");
    }

    private static string Scope(ClaimsPrincipal user) =>
        user.FindFirst(ChatbotClaimTypes.Subject)?.Value is { Length: > 0 } subject
            ? $"{user.FindFirst(ChatbotClaimTypes.TenantId)?.Value}:{subject}"
            : "anonymous";

    /// <summary>SHA-256 of method, path, query and body bytes (the body is buffered by <c>UseServiceDefaults</c> when the header is present).</summary>
    private static async Task<string> RequestHashAsync(HttpRequest request, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}{request.QueryString}\n"));
        if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
            var chunk = new byte[8192];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                hash.AppendData(chunk, 0, read);
            }
            request.Body.Position = 0;
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task ReleaseAsync(IDatabase db, RedisKey key)
    {
        try
        {
            await db.KeyDeleteAsync(key);
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            // the in-progress mark expires by itself after InProgressTimeout
        }
    }

    private static byte[] Serialize(StoredResponse stored) => JsonSerializer.SerializeToUtf8Bytes(stored);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Idempotency-Key store unavailable (Redis)")]
    private partial void LogUnavailable(Exception ex);
}
