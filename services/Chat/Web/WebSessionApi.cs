using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatbot.Chat.Web;

/// <summary>
/// The page's session: <c>POST /web/session</c> logs in (password grant at identity), <c>POST /web/session/refresh</c>
/// trades the cookie for a new access token (the refresh token rotates), <c>DELETE /web/session</c> revokes and clears it.
/// Only the access token reaches JavaScript; refresh and delete also need the <see cref="RequiredHeader"/>, which a
/// cross-site form cannot send.
/// </summary>
public static class WebSessionApi
{
    public const string RequiredHeader = "X-Chatbot-Web";

    public static IEndpointRouteBuilder MapWebSessionApi(this IEndpointRouteBuilder app)
    {
        var web = app.MapGroup("/web/session").WithTags("Web session").ExcludeFromDescription();
        web.MapPost("/", LoginAsync);
        web.MapPost("/refresh", RefreshAsync);
        web.MapDelete("/", LogoutAsync);
        return app;
    }

    public static async Task<Results<Ok<SessionResponse>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest request, IdentityTokenClient identity, HttpContext http, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Email))
        {
            errors["email"] = ["email is required."];
        }
        if (string.IsNullOrEmpty(request.Password))
        {
            errors["password"] = ["password is required."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The request is not valid.");
        }
        var exchange = await identity.PasswordAsync(request.Email!.Trim(), request.Password!, http.Connection.RemoteIpAddress, ct);
        return Complete(exchange, http);
    }

    public static async Task<Results<Ok<SessionResponse>, ValidationProblem, ProblemHttpResult>> RefreshAsync(
        IdentityTokenClient identity, HttpContext http, CancellationToken ct)
    {
        if (!http.Request.Headers.ContainsKey(RequiredHeader))
        {
            return MissingHeader();
        }
        if (SessionCookie.Read(http.Request) is not { } refreshToken)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "No session.",
                detail: "There is no session to refresh: log in.");
        }
        var exchange = await identity.RefreshAsync(refreshToken, http.Connection.RemoteIpAddress, ct);
        return Complete(exchange, http);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> LogoutAsync(
        IdentityTokenClient identity, HttpContext http, CancellationToken ct)
    {
        if (!http.Request.Headers.ContainsKey(RequiredHeader))
        {
            return MissingHeader();
        }
        if (SessionCookie.Read(http.Request) is { } refreshToken)
        {
            await identity.RevokeAsync(refreshToken, http.Connection.RemoteIpAddress, ct);
        }
        SessionCookie.Clear(http.Response);
        return TypedResults.NoContent();
    }

    private static Results<Ok<SessionResponse>, ValidationProblem, ProblemHttpResult> Complete(TokenExchange exchange, HttpContext http)
    {
        if (exchange.Succeeded)
        {
            if (exchange.RefreshToken is { } refresh)
            {
                SessionCookie.Write(http.Response, refresh);
            }
            return TypedResults.Ok(new SessionResponse(exchange.AccessToken!, exchange.ExpiresIn));
        }
        if (exchange.Status == StatusCodes.Status429TooManyRequests)
        {
            if (exchange.RetryAfter is { } retryAfter)
            {
                http.Response.Headers.RetryAfter = retryAfter;
            }
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, type: "rate-limited",
                title: "Too many requests.", detail: exchange.Error);
        }
        SessionCookie.Clear(http.Response);
        return exchange.Status is >= 400 and < 500
            ? TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in.", detail: exchange.Error)
            : TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Sign-in is unavailable.",
                detail: "The identity service did not answer; try again shortly.");
    }

    private static ProblemHttpResult MissingHeader() => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
        title: "The request is not valid.", detail: $"The {RequiredHeader} header is required.");
}
