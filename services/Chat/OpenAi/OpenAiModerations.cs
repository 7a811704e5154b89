using System.Net;
using Chatbot.ServiceDefaults.Authentication;
using System.Text.Json;

namespace Chatbot.Chat.OpenAi;

/// <summary>
/// <c>POST /v1/moderations</c>: the moderation service's internal route
/// (<c>/internal/tenants/{tenant}/users/{user}/moderations</c>, OpenAI's shape, evaluated with the caller's tenant policy
/// and limited per caller), called with the service credential for the caller chat authenticated like every /v1 route
/// (an API key or a user token); its problem details come back as OpenAI errors.
/// </summary>
public static class OpenAiModerations
{
    public const string HttpClientName = "moderation";

    public static async Task<IResult> ModerateAsync(HttpContext http, IHttpClientFactory clients, CancellationToken ct)
    {
        var user = CurrentUser.From(http.User)!; // OpenAiAuthorizationFilter answered 401 otherwise
        var client = clients.CreateClient(HttpClientName);
        if (client.BaseAddress is null)
        {
            return OpenAiErrors.ProviderUnavailable("Moderation is not configured on this deployment.");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/internal/tenants/{user.TenantId}/users/{user.UserId}/moderations")
        {
            Content = new StreamContent(http.Request.Body),
        };
        request.Content.Headers.ContentType = new("application/json");
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, ct);
        }
        catch (HttpRequestException)
        {
            return OpenAiErrors.ProviderUnavailable("The moderation service is unavailable; retry later.");
        }
        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            if (response.IsSuccessStatusCode)
            {
                return TypedResults.Bytes(body, "application/json");
            }
            if (response.Headers.RetryAfter?.Delta is { } delay)
            {
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(delay.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            return response.StatusCode switch
            {
                HttpStatusCode.BadRequest => OpenAiErrors.Invalid("input", Detail(body) ?? "The moderation request is not valid."),
                HttpStatusCode.Unauthorized => OpenAiErrors.Unauthorized(),
                HttpStatusCode.Forbidden => OpenAiErrors.Forbidden(),
                HttpStatusCode.TooManyRequests => OpenAiErrors.Error(StatusCodes.Status429TooManyRequests,
                    "Rate limit reached for moderations; retry later.", "requests", null, "rate_limit_exceeded"),
                _ => OpenAiErrors.ProviderUnavailable("The moderation service failed; retry later."),
            };
        }
    }

    private static string? Detail(byte[] problem)
    {
        try
        {
            using var json = JsonDocument.Parse(problem);
            return json.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
