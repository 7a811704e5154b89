using System.Text.Json;
using Chatbot.ServiceDefaults.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Chatbot.ServiceDefaults.Tests.Logging;

[Collection(ConsoleCollection.Name)]
public sealed class SafeLoggingTests
{
    private const string Category = "Chatbot.Tests.SafeLogging";
    private const string Jwt = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTEyMyIsInRlbmFudCI6ImFjbWUifQ.c2lnbmF0dXJlLXZhbHVlLWhlcmU";
    private const string ApiKey = "cbk_live_7f3a9c2e1b4d";
    private const string ProviderKey = "sk-proj-Abc123Def456Ghi789";
    private const string Email = "alice.smith@example.com";
    private const string DbPassword = "pg-Sup3r-Secret";
    private const string RabbitPassword = "rabbit-Pa55word";
    private const string OpaqueSecret = "opaque-signing-secret-42";
    private const string Prompt = "please summarise my medical history";

    private static readonly string[] Secrets = [Jwt, ApiKey, ProviderKey, Email, DbPassword, RabbitPassword, OpaqueSecret, Prompt, "c2lnbmF0dXJlLXZhbHVlLWhlcmU"];

    [Fact]
    public async Task Secrets_tokens_keys_emails_and_prompts_never_reach_the_console()
    {
        string output;
        using (var console = new ConsoleCapture())
        {
            await using (var app = await TestApp.StartAsync(map: web => web.MapPost("/log", LogEverything)))
            {
                using var response = await app.Client.PostAsync("/log", null);
                Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            }
            output = console.Text;
        }

        Assert.Contains("Issued credential", output);
        Assert.Contains("signed in", output);
        Assert.Contains("[REDACTED]", output);
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, output);
        }
    }

    [Fact]
    public async Task Every_log_line_is_one_json_object_and_request_lines_carry_trace_and_request_ids()
    {
        IReadOnlyList<string> lines;
        using (var console = new ConsoleCapture())
        {
            await using (var app = await TestApp.StartAsync(map: web => web.MapGet("/hello", (ILoggerFactory f) =>
            {
                var logger = f.CreateLogger(Category);
                logger.LogInformation("first line");
                logger.LogWarning("second line");
                return TypedResults.Ok();
            })))
            {
                using var response = await app.Client.GetAsync("/hello");
                response.EnsureSuccessStatusCode();
            }
            lines = console.Lines;
        }

        Assert.NotEmpty(lines);
        var ours = new List<JsonElement>();
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement.Clone();
            Assert.Equal(JsonValueKind.Object, root.ValueKind);
            Assert.True(root.TryGetProperty("timestamp", out _), line);
            Assert.True(root.TryGetProperty("level", out _), line);
            Assert.True(root.TryGetProperty("message", out _), line);
            if (root.GetProperty("category").GetString() == Category)
            {
                ours.Add(root);
            }
        }
        Assert.Equal(2, ours.Count);
        foreach (var entry in ours)
        {
            Assert.Matches("^[0-9a-f]{32}$", entry.GetProperty("traceId").GetString());
            Assert.Matches("^[0-9a-f]{16}$", entry.GetProperty("spanId").GetString());
            Assert.False(string.IsNullOrEmpty(entry.GetProperty("requestId").GetString()));
        }
        Assert.Equal(ours[0].GetProperty("traceId").GetString(), ours[1].GetProperty("traceId").GetString());
    }

    private static IResult LogEverything(ILoggerFactory factory)
    {
        var logger = factory.CreateLogger(Category);
        SampleLogs.CredentialIssued(logger, OpaqueSecret, Email, Prompt);
        logger.LogInformation("User {User} signed in with key {Key} and token {Token}", Email, ApiKey, Jwt);
        logger.LogInformation("Calling provider with Authorization: Bearer {Jwt} and key " + ProviderKey, Jwt);
        logger.LogWarning("Connecting with Host=db;Username=app;Password=" + DbPassword + ";Database=chatdb and amqp://chatbot:" + RabbitPassword + "@localhost:5672");
        using (logger.BeginScope("Scope for {Email}", Email))
        {
            logger.LogError(new InvalidOperationException($"Login failed for {Email} with api_key={ApiKey}"), "Failure for the user above");
        }
        return TypedResults.Ok();
    }
}
