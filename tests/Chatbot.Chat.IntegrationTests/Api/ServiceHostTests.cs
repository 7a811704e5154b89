using System.Diagnostics;
using System.Net;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Npgsql;

namespace Chatbot.Chat.IntegrationTests.Api;

[Collection(ChatCollection.Name)]
public sealed class ServiceHostTests(ChatFixture fixture)
{
    [Fact]
    public async Task Migrate_argument_creates_the_schema_role_policies_and_default_prompt_then_exits()
    {
        var database = $"chatdb_{Guid.NewGuid():N}";
        var info = new ProcessStartInfo("dotnet", $"{typeof(ChatOptions).Assembly.Location} --migrate")
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        info.Environment["ConnectionStrings__chatdb"] = fixture.Infra.PostgresConnectionString(database);
        info.Environment["ConnectionStrings__redis"] = fixture.Infra.RedisConnectionString;
        info.Environment["ConnectionStrings__rabbitmq"] = fixture.Infra.RabbitMqConnectionString;
        info.Environment["services__identity__http__0"] = "http://127.0.0.1:9";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token);
        Assert.True(process.ExitCode == 0, await output + await errors);

        await using var connection = new NpgsqlConnection(fixture.Infra.PostgresConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM pg_policies WHERE tablename IN ('conversations', 'messages', 'idempotency_keys', 'prompt_versions')),
                   (SELECT count(*) FROM prompt_versions WHERE tenant_id IS NULL AND is_active)
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(9L, reader.GetInt64(0)); // tenant isolation on three tables, prompt read and write, the idempotency purge pair, the retention scan's read, the experiment results' read
        Assert.Equal(1L, reader.GetInt64(1));
    }

    [Fact]
    public async Task OpenAPI_document_and_reference_page_are_served()
    {
        var client = fixture.Chat.CreateClient();
        var document = await client.GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/conversations", "/api/conversations/{id}/messages", "/api/replies/{replyId}/stream", "/api/prompts/rollback" })
        {
            Assert.Contains($"\"{path}\"", document);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/scalar/v1")).StatusCode);
    }
}
