// Usage: dotnet run --project tests/Chatbot.Identity.Benchmarks -c Release [-- http://localhost:5080]
// Without an origin only the in-process measures run. With one (Development: no e-mail confirmation needed) it signs
// up a user and times password and refresh grants through the chat origin.
using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Chatbot.Identity.Benchmarks;
using Chatbot.Identity.Data;
using Chatbot.Identity.Passwords;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}");

foreach (var iterations in new[] { 100_000, PasswordHashing.IterationCount })
{
    var hasher = new PasswordHasher<ApplicationUser>(Options.Create(new PasswordHasherOptions { IterationCount = iterations }));
    var user = new ApplicationUser { Role = "member" };
    var hash = hasher.HashPassword(user, "warm-up password");
    var times = Stats.Time(15, () => hasher.VerifyHashedPassword(user, hash, "warm-up password"));
    Console.WriteLine($"PBKDF2-HMAC-SHA512 x{iterations:N0}: verify p50 {times.P50:F1} ms, p95 {times.P95:F1} ms");
}

using var rsa = RSA.Create(2048);
var key = new RsaSecurityKey(rsa) { KeyId = "bench" };
var handler = new JsonWebTokenHandler();
var token = handler.CreateToken(new SecurityTokenDescriptor
{
    Issuer = "http://localhost:5080/", Audience = "chatbot-api", TokenType = "at+jwt", Expires = DateTime.UtcNow.AddMinutes(15),
    Claims = new Dictionary<string, object> { ["sub"] = Guid.NewGuid().ToString(), ["tenant_id"] = Guid.NewGuid().ToString(), ["role"] = "member", ["tier"] = "free" },
    SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
});
var parameters = new TokenValidationParameters
{
    ValidIssuer = "http://localhost:5080/", ValidAudience = "chatbot-api", IssuerSigningKey = new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = "bench" },
    ValidTypes = ["at+jwt"], ValidAlgorithms = ["RS256"], ClockSkew = TimeSpan.FromSeconds(30),
};
for (var i = 0; i < 500; i++)
{
    await handler.ValidateTokenAsync(token, parameters);
}
const int validations = 5000;
var clock = Stopwatch.StartNew();
for (var i = 0; i < validations; i++)
{
    var result = await handler.ValidateTokenAsync(token, parameters);
    if (!result.IsValid)
    {
        throw new InvalidOperationException("The benchmark token did not validate.");
    }
}
Console.WriteLine($"JWT (RS256, 2048-bit) validation in chat: {clock.Elapsed.TotalMicroseconds / validations:F1} µs per request (one core)");

if (args.Length > 0)
{
    using var http = new HttpClient { BaseAddress = new Uri(args[0]) };
    var email = $"bench-{Guid.NewGuid():N}@example.test";
    const string password = "benchmark password 2026";
    (await http.PostAsJsonAsync("/api/account/register", new { email, password })).EnsureSuccessStatusCode();
    var form = () => new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["grant_type"] = "password", ["client_id"] = "chatbot-web", ["username"] = email, ["password"] = password, ["scope"] = "offline_access",
    });
    string? refresh = null;
    var grants = await Stats.TimeAsync(25, async () =>
    {
        using var response = await http.PostAsync("/connect/token", form());
        response.EnsureSuccessStatusCode();
        refresh = (await response.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["refresh_token"].ToString();
    });
    Console.WriteLine($"Password grant through chat: p50 {grants.P50:F1} ms, p95 {grants.P95:F1} ms");
    var refreshes = await Stats.TimeAsync(25, async () =>
    {
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = "chatbot-web", ["refresh_token"] = refresh!,
        }));
        response.EnsureSuccessStatusCode();
        refresh = (await response.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["refresh_token"].ToString();
    });
    Console.WriteLine($"Refresh grant through chat: p50 {refreshes.P50:F1} ms, p95 {refreshes.P95:F1} ms");
}
