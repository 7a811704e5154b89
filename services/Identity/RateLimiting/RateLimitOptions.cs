using Chatbot.ServiceDefaults.RateLimiting;

namespace Chatbot.Identity.RateLimiting;

/// <summary>Section <c>Identity:RateLimits</c>: one fixed window per policy and client IP, shared by every replica (Redis).</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Identity:RateLimits";

    public RateLimitRule Register { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(10) };
    public RateLimitRule Login { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };
    public RateLimitRule PasswordReset { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(15) };
    public RateLimitRule Verification { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(15) };

    public RateLimitRule For(string policy) => policy switch
    {
        RateLimitPolicies.Register => Register,
        RateLimitPolicies.Login => Login,
        RateLimitPolicies.PasswordReset => PasswordReset,
        RateLimitPolicies.Verification => Verification,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown rate-limit policy."),
    };
}
