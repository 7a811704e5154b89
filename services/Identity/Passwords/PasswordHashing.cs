namespace Chatbot.Identity.Passwords;

/// <summary>
/// ASP.NET Core Identity V3 hashes: PBKDF2-HMAC-SHA512, 128-bit salt, 256-bit subkey. We raise the iteration count from
/// Identity's default 100,000 to OWASP's 2023 recommendation for PBKDF2-HMAC-SHA512 (210,000). Older hashes are
/// re-hashed on the next successful sign-in.
/// </summary>
public static class PasswordHashing
{
    public const int IterationCount = 210_000;
}
