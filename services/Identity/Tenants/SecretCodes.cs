using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Chatbot.Identity.Tenants;

/// <summary>High-entropy one-time secrets with a recognisable prefix, stored as SHA-256 (no salt needed at 256 bits).</summary>
public static class SecretCodes
{
    public static string New(string prefix) => prefix + Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
