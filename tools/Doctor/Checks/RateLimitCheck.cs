namespace Chatbot.Doctor.Checks;

/// <summary>
/// Login, sign-up and chat each answer 429 with Retry-After within <see cref="DoctorOptions.RateLimitRequests"/>
/// requests from this one address. The requests create nothing: wrong passwords, a sign-up that fails validation, a
/// turn for no conversation without a token. <c>--skip-rate-limits</c> sends none of them (production).
/// </summary>
public sealed class RateLimitCheck : IDoctorCheck
{
    public static readonly ScorecardRow Login = new("rate-limit-login", "Login rate limit (429 with Retry-After)",
        "Limit password grants per client IP (identity's RateLimits:Login) and answer 429 with Retry-After.");

    public static readonly ScorecardRow SignUp = new("rate-limit-signup", "Sign-up rate limit (429 with Retry-After)",
        "Limit sign-ups per client IP (identity's RateLimits:Register) and answer 429 with Retry-After.");

    public static readonly ScorecardRow Chat = new("rate-limit-chat", "Chat rate limit (429 with Retry-After)",
        "Limit chat requests per client IP and per tenant (chat's RequestLimits) and answer 429 with Retry-After.");

    public IReadOnlyList<ScorecardRow> Rows => [Login, SignUp, Chat];

    public async Task<IReadOnlyList<CheckResult>> RunAsync(DoctorContext context, CancellationToken ct)
    {
        if (context.Options.SkipRateLimits)
        {
            return [.. Rows.Select(row => CheckResult.CannotCheck(row, "skipped: --skip-rate-limits sends no burst of requests",
                "Run the doctor without --skip-rate-limits against a staging copy of the deployment."))];
        }
        var login = new Probe(Login, HttpMethod.Post, "/connect/token",
            () => new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password", ["username"] = "doctor-probe@example.invalid", ["password"] = "not-the-password", ["client_id"] = "chatbot-web",
            }));
        var signUp = new Probe(SignUp, HttpMethod.Post, "/api/account/register",
            () => Json("""{"email":"doctor-probe@example.invalid","password":"x","tenantName":"doctor"}"""));
        var chat = new Probe(Chat, HttpMethod.Post, $"/api/conversations/{Guid.NewGuid()}/messages", () => Json("""{"content":"doctor probe"}"""));
        return await Task.WhenAll(GuardedAsync(context, signUp, ct), GuardedAsync(context, login, ct), GuardedAsync(context, chat, ct));
    }

    /// <summary>One probe's timeout or refused connection makes its own row cannot-check, not the other two.</summary>
    private static async Task<CheckResult> GuardedAsync(DoctorContext context, Probe probe, CancellationToken ct)
    {
        try
        {
            return await RunAsync(context, probe, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return CheckResult.CannotCheck(probe.Row, e is TaskCanceledException
                ? $"{probe.Method} {probe.Path} gave no answer within {context.Options.RequestTimeout.TotalSeconds:0} s"
                : $"{probe.Method} {probe.Path} failed: {e.Message}", "Run again when the origin answers, or raise --timeout.");
        }
    }

    private static async Task<CheckResult> RunAsync(DoctorContext context, Probe probe, CancellationToken ct)
    {
        var limit = context.Options.RateLimitRequests;
        var statuses = new SortedSet<int>();
        for (var sent = 0; sent < limit;)
        {
            // A few at a time (a password grant takes a while), never more than the bound in all.
            var batch = Math.Min(Batch, limit - sent);
            var answers = await Task.WhenAll(Enumerable.Range(0, batch).Select(_ => SendAsync(context, probe, ct)));
            sent += batch;
            if (Array.FindIndex(answers, a => a.Code == 429) is var index and >= 0)
            {
                var limited = answers[index];
                return limited.RetryAfter is { } retry
                    ? CheckResult.Pass(probe.Row, $"{probe.Method} {probe.Path} answered 429 within {sent} requests, Retry-After {retry}")
                    : CheckResult.Fail(probe.Row, $"{probe.Method} {probe.Path} answered 429 within {sent} requests without Retry-After",
                        "Send Retry-After (seconds until the window frees) with every 429.");
            }
            if (answers.All(a => a.Code is 404 or 405))
            {
                return CheckResult.CannotCheck(probe.Row, $"{probe.Method} {probe.Path} answered {answers[0].Code}: this deployment does not serve it");
            }
            statuses.UnionWith(answers.Select(a => a.Code));
        }
        return CheckResult.Fail(probe.Row, $"{limit} requests of {probe.Method} {probe.Path} got no 429 (answers: {string.Join(", ", statuses)})",
            $"{probe.Row.Fix} If your limit is above {limit} by design, run with --rate-limit-requests above it.");
    }

    private const int Batch = 3;

    private static async Task<(int Code, string? RetryAfter)> SendAsync(DoctorContext context, Probe probe, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(probe.Method, context.Url(probe.Path)) { Content = probe.Body() };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(context.Options.RequestTimeout);
        using var response = await context.Http.SendAsync(request, timeout.Token);
        return ((int)response.StatusCode, response.Headers.RetryAfter?.ToString());
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    private sealed record Probe(ScorecardRow Row, HttpMethod Method, string Path, Func<HttpContent> Body);
}
