using System.Net;
using System.Text.Json;

namespace Chatbot.Chat.Web;

/// <summary>
/// Calls identity's token and revocation endpoints for the first-party client <c>chatbot-web</c>. The caller's address
/// goes along as X-Forwarded-For (chat is a trusted proxy of identity), so identity's per-IP login limit counts the
/// browser, not chat.
/// </summary>
public sealed class IdentityTokenClient(HttpClient http)
{
    public const string ClientId = "chatbot-web";

    public Task<TokenExchange> PasswordAsync(string email, string password, IPAddress? caller, CancellationToken ct) =>
        ExchangeAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = email, ["password"] = password,
            ["client_id"] = ClientId, ["scope"] = "offline_access",
        }, caller, ct);

    public Task<TokenExchange> RefreshAsync(string refreshToken, IPAddress? caller, CancellationToken ct) =>
        ExchangeAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = ClientId,
        }, caller, ct);

    public async Task RevokeAsync(string refreshToken, IPAddress? caller, CancellationToken ct)
    {
        using var request = Form("/connect/revoke", new Dictionary<string, string>
        {
            ["token"] = refreshToken, ["token_type_hint"] = "refresh_token", ["client_id"] = ClientId,
        }, caller);
        try
        {
            using var response = await http.SendAsync(request, ct);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            // The cookie is cleared anyway; the refresh token expires on its own.
        }
    }

    private async Task<TokenExchange> ExchangeAsync(Dictionary<string, string> form, IPAddress? caller, CancellationToken ct)
    {
        using var request = Form("/connect/token", form, caller);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return new TokenExchange(null, null, 0, StatusCodes.Status503ServiceUnavailable, "Identity did not answer.");
        }
        using var _ = response;
        var body = await response.Content.ReadAsStringAsync(ct);
        using var json = TryParse(body);
        var root = json?.RootElement;
        string? Read(string name) => root is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty(name, out var v)
            && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (response.IsSuccessStatusCode && Read("access_token") is { } access)
        {
            var expires = root!.Value.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var seconds) ? seconds : 300;
            return new TokenExchange(access, Read("refresh_token"), expires, 200, null);
        }
        var error = Read("error_description") ?? Read("detail") ?? Read("title") ?? "Identity refused the request.";
        return new TokenExchange(null, null, 0, (int)response.StatusCode, error, response.Headers.RetryAfter?.ToString());
    }

    private static HttpRequestMessage Form(string path, Dictionary<string, string> form, IPAddress? caller)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        if (caller is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", caller.ToString());
        }
        return request;
    }

    private static JsonDocument? TryParse(string body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
