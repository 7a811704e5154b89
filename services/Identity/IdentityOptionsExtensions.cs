using Chatbot.Identity;
using Chatbot.Identity.RateLimiting;

namespace Microsoft.Extensions.Hosting;

internal static class IdentityOptionsExtensions
{
    /// <summary>Binds <c>Identity</c>, <c>Identity:Email</c> and <c>Identity:RateLimits</c>, with environment-dependent defaults.</summary>
    public static void AddIdentityOptions(this IHostApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        var ownUrl = DefaultIssuer(builder.Configuration["urls"]);
        builder.AddValidatedOptions<IdentityServiceOptions>(IdentityServiceOptions.SectionName)
            .PostConfigure(o =>
            {
                o.Issuer ??= ownUrl;
                o.RequireConfirmedEmail ??= !development;
            })
            .Validate(o => Uri.TryCreate(o.Issuer, UriKind.Absolute, out _), "Identity:Issuer must be an absolute URL.");
        builder.AddEmailSender("Identity:Email", "chatbot-identity-mail");
        builder.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.SectionName)
            .Validate(o => o.Register.PermitLimit > 0 && o.Login.PermitLimit > 0 && o.PasswordReset.PermitLimit > 0 && o.Verification.PermitLimit > 0,
                "Every Identity:RateLimits:<policy>:PermitLimit must be positive.");
    }

    internal static string DefaultIssuer(string? urls)
    {
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null)
        {
            return "http://localhost:5081";
        }
        return first.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://0.0.0.0", "://localhost")
            .Replace("://[::]", "://localhost").TrimEnd('/');
    }
}
