using Chatbot.Identity.RateLimiting;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

using Chatbot.Identity.Erasure;

namespace Chatbot.Identity.Accounts;

/// <summary>Self-service account routes under <c>/api/account</c> (reached through chat's single public origin).</summary>
public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/account").WithTags("Account");
        group.MapPost("/register", RegisterAsync).RequirePerIpLimit(RateLimitPolicies.Register).WithIdempotency();
        group.MapGet("/confirm-email", ConfirmEmailAsync).RequirePerIpLimit(RateLimitPolicies.Verification);
        group.MapPost("/resend-verification", ResendVerificationAsync).RequirePerIpLimit(RateLimitPolicies.Verification);
        group.MapPost("/forgot-password", ForgotPasswordAsync).RequirePerIpLimit(RateLimitPolicies.PasswordReset);
        group.MapPost("/reset-password", ResetPasswordAsync).RequirePerIpLimit(RateLimitPolicies.PasswordReset);
        group.MapPost("/delete", DeleteAsync).RequireAuthorization(AuthorizationPolicies.Member);
        return app;
    }

    public static Task<Results<Accepted<AcceptedResponse>, ValidationProblem>> RegisterAsync(
        RegisterRequest request, AccountService accounts, CancellationToken ct) => accounts.RegisterAsync(request, ct);

    public static Task<Results<Ok<AcceptedResponse>, ValidationProblem>> ConfirmEmailAsync(
        string? userId, string? token, AccountService accounts, CancellationToken ct) => accounts.ConfirmEmailAsync(userId, token, ct);

    public static Task<Results<Accepted<AcceptedResponse>, ValidationProblem>> ResendVerificationAsync(
        EmailRequest request, AccountService accounts, CancellationToken ct) => accounts.ResendVerificationAsync(request, ct);

    public static Task<Results<Accepted<AcceptedResponse>, ValidationProblem>> ForgotPasswordAsync(
        EmailRequest request, AccountService accounts, CancellationToken ct) => accounts.ForgotPasswordAsync(request, ct);

    public static Task<Results<Ok<AcceptedResponse>, ValidationProblem>> ResetPasswordAsync(
        ResetPasswordRequest request, AccountService accounts, CancellationToken ct) => accounts.ResetPasswordAsync(request, ct);

    public static Task<Results<Accepted<ErasureStarted>, ValidationProblem, UnauthorizedHttpResult>> DeleteAsync(
        DeleteAccountRequest request, CurrentUser caller, AccountDeletion deletion, CancellationToken ct) =>
        deletion.DeleteAsync(caller.UserId, request, ct);
}
