using System.Collections.Frozen;
using Chatbot.Identity.Data;
using Microsoft.AspNetCore.Identity;

namespace Chatbot.Identity.Passwords;

/// <summary>
/// Refuses passwords found in the committed list of common passwords (case-insensitive), passwords of one repeated
/// character, and passwords containing the e-mail's local part. Length (12..128) is checked by Identity's options.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        var lower = (password ?? "").ToLowerInvariant();
        var local = user.Email?.Split('@')[0].ToLowerInvariant();
        var weak = Common.Value.Contains(lower)
            || (lower.Length > 0 && lower.All(c => c == lower[0]))
            || (local is { Length: >= 4 } && lower.Contains(local, StringComparison.Ordinal));
        return Task.FromResult(weak
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "This password is too common or too easy to guess." })
            : IdentityResult.Success);
    }

    public static bool IsCommon(string password) => Common.Value.Contains(password.ToLowerInvariant());

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("common-passwords.txt")
            ?? throw new InvalidOperationException("The common-passwords.txt resource is missing.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                words.Add(line.Trim().ToLowerInvariant());
            }
        }
        return words.ToFrozenSet();
    }
}
