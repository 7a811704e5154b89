namespace Chatbot.Identity.RateLimiting;

/// <summary>Names of the per-IP limits; each is configured under <c>Identity:RateLimits:&lt;name&gt;</c>.</summary>
public static class RateLimitPolicies
{
    public const string Register = "register";
    public const string Login = "login";
    public const string PasswordReset = "password-reset";
    public const string Verification = "verification";
}
